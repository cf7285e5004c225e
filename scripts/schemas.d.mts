// Types for scripts/schemas.mjs, shared by the build and the tests.
import type { Ajv2020 } from 'ajv/dist/2020.js';
export declare const MESSAGE_KEYWORDS: string[];
export declare function loadSchemas(root: string): object[];
export declare function createAjv(schemas: object[], options?: object): Ajv2020;
export declare function generateValidatorModule(root: string): string;
