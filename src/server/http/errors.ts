// The errors now live in ../errors.ts (services throw them too); this re-export keeps the request pipeline's imports.
export { ApiError, Errors } from '../errors.js';
