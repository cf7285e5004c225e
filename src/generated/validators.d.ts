// Types for the validators scripts/build.mjs generates from schemas/ (validators.js is
// built, not committed).
import type { ErrorObject } from 'ajv';

export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export declare const validateCommunique: GeneratedValidator;
export declare const validateConfig: GeneratedValidator;
