// Types for the templates scripts/build.mjs compiles from templates/default (templates.js
// is built, not committed): each format's template source, and Handlebars' compiled form
// of it, for `Handlebars.template`.
import type Handlebars from 'handlebars';

/** What `Handlebars.precompile` makes of a template. */
export type PrecompiledTemplate = Parameters<typeof Handlebars.template>[0];

export declare const PRECOMPILED: Readonly<
  Record<'html' | 'md' | 'txt', { readonly source: string; readonly template: PrecompiledTemplate }>
>;
