// Types for the validators scripts/build.mjs generates from schemas/ (validators.js is
// built, not committed). Each is a type guard: data that passes is the model's type.
import type { ErrorObject } from 'ajv';
import type { Communique, CommuniqueConfiguration } from './model.js';

export interface GeneratedValidator<T> {
  (data: unknown): data is T;
  errors?: ErrorObject[] | null;
}

export declare const validateCommunique: GeneratedValidator<Communique>;
export declare const validateConfig: GeneratedValidator<CommuniqueConfiguration>;
