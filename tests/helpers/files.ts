import { makePng } from '../fixtures/proof/samples';

/** A real 2x2 PNG, built here so tests need no binary fixture. */
export function tinyPng(): Buffer {
  return Buffer.from(makePng(2, 2));
}
