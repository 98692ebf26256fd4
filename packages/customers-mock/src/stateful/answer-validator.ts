import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { MatchedOperation, SpecDocument } from "../spec-document.js";

const NUMERIC_FORMATS = ["int32", "int64", "float", "double"];

/** Checks a body against what the spec documents for an operation's status; the problems, or none. */
export type AnswerValidator = (matched: MatchedOperation, status: string, body: unknown) => string[];

export function answerValidator(spec: SpecDocument): AnswerValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  for (const format of NUMERIC_FORMATS) ajv.addFormat(format, { type: "number", validate: () => true });
  ajv.addSchema(spec.root, "spec");
  const validators = new Map<string, ValidateFunction>();
  return (matched, status, body) => {
    let pointer = `/paths/${pointerSegment(matched.template)}/${matched.method}/responses/${status}`;
    let response = spec.root.paths[matched.template][matched.method].responses[status];
    if (typeof response?.$ref === "string") {
      pointer = response.$ref.slice(1);
      response = spec.resolve(response);
    }
    const media = Object.keys(response?.content ?? {})[0];
    if (!media) return body === undefined ? [] : [`${status} documents no body`];
    const schemaPointer = `${pointer}/content/${pointerSegment(media)}/schema`;
    let validate = validators.get(schemaPointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `spec#${encodeURI(schemaPointer)}` });
      validators.set(schemaPointer, validate);
    }
    return validate(body)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath || "body"} ${error.message}`);
  };
}

const pointerSegment = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");
