import { defineMiddleware } from 'astro:middleware';
import { inLanguage, languageOfParam } from './data/language.ts';

/** Every page renders in its language (the `[...lang]` of its address): data, strings and links follow it. */
export const onRequest = defineMiddleware((context, next) =>
	inLanguage(languageOfParam(context.params.lang), () => next()),
);
