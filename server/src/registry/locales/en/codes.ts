// English text for every CLOSE_CODES entry, keyed by codeKey ("1000", "3009-3999").
import type { CodeText } from '../../types';
import { protocolCodes } from './codes-protocol';
import { rangeCodes } from './codes-ranges';

export const codes: Readonly<Record<string, CodeText>> = { ...rangeCodes, ...protocolCodes };
