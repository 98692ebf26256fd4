#!/usr/bin/env node
// The generator is a private workspace package run from its TypeScript source, never built or
// published: tsx compiles it on the fly.
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");
