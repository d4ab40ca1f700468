// Texte français de chaque entrée de CLOSE_CODES, indexé par codeKey (« 1000 », « 3009-3999 »).
import type { CodeText } from '../../types';
import { protocolCodes } from './codes-protocol';
import { rangeCodes } from './codes-ranges';

export const codes: Readonly<Record<string, CodeText>> = { ...rangeCodes, ...protocolCodes };
