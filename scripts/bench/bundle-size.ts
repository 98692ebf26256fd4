import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** A consumer's ESM bundle of one client (runtime and openapi-fetch included), minified, and its gzip size. */
export async function measureBundleSize(
  entry: string,
  exportName: string,
  resolveDir: string,
): Promise<{ minBytes: number; gzipBytes: number }> {
  const result = await build({
    stdin: { contents: `export { ${exportName} } from ${JSON.stringify(entry)};`, resolveDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
    // As a consumer's bundler sees the packages: the repository's tsconfig files (the runtime's
    // `paths` for its own type check) are not published.
    tsconfigRaw: {},
  });
  const code = result.outputFiles[0]!.contents;
  return { minBytes: code.byteLength, gzipBytes: gzipSync(code).byteLength };
}
