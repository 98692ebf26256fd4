/** The names one provider goes by across the repo, all derived from its slug. */
export interface ProviderNames {
  /** `acme-crm`: folder of the spec, package folder prefix. */
  slug: string;
  /** `AcmeCrm`: in `createAcmeCrmClient`, `AcmeCrmClient`. */
  pascal: string;
  /** `@org/acme-crm-customers`. */
  packageName: string;
  /** `createAcmeCrmClient`. */
  factory: string;
}

const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const PASCAL = /^[A-Z][A-Za-z0-9]*$/;

/** Checks a slug (and optional display name); returns a reason when it cannot be used. */
export function problemWithNames(slug: string | undefined, pascal: string | undefined): string | undefined {
  if (!slug) return "give the provider's slug, e.g. `pnpm new-provider acme-crm`";
  if (!SLUG.test(slug) || slug.length > 40) {
    return `"${slug}" is not a valid slug: use lower-case letters and digits, words separated by single hyphens, starting with a letter (e.g. acme-crm), at most 40 characters`;
  }
  if (slug.endsWith("-customers")) return `"${slug}" should not end in -customers: the package name adds that`;
  if (pascal !== undefined && !PASCAL.test(pascal))
    return `--name "${pascal}" must be PascalCase letters and digits, e.g. AcmeCrm`;
  return undefined;
}

export function providerNames(slug: string, scope: string, pascal?: string): ProviderNames {
  const name =
    pascal ??
    slug
      .split("-")
      .map((word) => word[0]!.toUpperCase() + word.slice(1))
      .join("");
  return { slug, pascal: name, packageName: `${scope}/${slug}-customers`, factory: `create${name}Client` };
}
