// wsclose.schema.json, built from the rules' declarations (ids, descriptions in the English
// catalog, optionsSchema) plus the config's top-level shape below, and the registry's profile and
// runtime ids. `node scripts/gen-schema.mjs` (npm run gen:schema) writes it;
// test/engine/config-schema.test.ts fails when the committed file is not what this returns.
import { RULE_IDS } from '../core/finding';
import { RULES } from '../rules';
import { RULES_TEXT_EN } from '../rules/text/en';
import { APP_PROFILES } from '../registry/apps';
import { acceptedRuntimeNames } from './config-validate';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** Users' descriptions of rule options (prose stays out of rule files), by rule id and option name. */
const OPTION_DESCRIPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'reason-too-long': {
    checkUnboundedReasons: "Also report reasons built from text of unknown length (user input, error messages) that are not cut to 123 bytes first. Default: true.",
  },
};

const HEAD = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "wsclose configuration",
  "description": "Configuration of wsclose (wsclose.config.json, JSON with comments). wsclose uses the nearest wsclose.config.json found upward from each checked file.",
  "type": "object"
} as const;

const RULES_SHAPE = {
  "type": "object",
  "description": "Severity, and options where a rule has them, per rule: \"off\" | \"warn\" | \"error\" (or 0 | 1 | 2), or [severity, options]. Rules not listed keep their default severity.",
  "propertyNames": {
    "$ref": "#/definitions/ruleId"
  },
  "additionalProperties": false
} as const;

/** The config's top-level properties other than "rules", in the file's order. */
const OTHER_PROPERTIES: Readonly<Record<string, Json>> = {
  "$schema": {
    "type": "string",
    "description": "URL or path of this JSON schema, for editor completion. Ignored by wsclose."
  },
  "profiles": {
    "type": "object",
    "description": "App profiles (the close codes of a known protocol) forced on (true) or off (false). Profiles not listed are on when package.json depends on one of their packages.",
    "propertyNames": {
      "$ref": "#/definitions/profileId"
    },
    "properties": {
      "graphql-ws": {
        "type": "boolean",
        "description": "graphql-ws protocol codes (4400 Bad Request, 4401 Unauthorized, 4409 Subscriber already exists, …). On by default when package.json depends on graphql-ws."
      },
      "discord-gateway": {
        "type": "boolean",
        "description": "Discord Gateway close codes (4000–4014). On by default when package.json depends on discord.js or @discordjs/ws."
      },
      "discord-voice": {
        "type": "boolean",
        "description": "Discord Voice close codes (4001–4022). On by default when package.json depends on @discordjs/voice."
      },
      "twitch-eventsub": {
        "type": "boolean",
        "description": "Twitch EventSub WebSocket close codes (4000–4007). On by default when package.json depends on @twurple/eventsub-ws."
      }
    },
    "additionalProperties": false
  },
  "codes": {
    "type": "array",
    "description": "Private close codes this application defines, so hovers can explain them and rules know them.",
    "items": {
      "type": "object",
      "description": "One close code of this application.",
      "properties": {
        "code": {
          "type": "integer",
          "minimum": 3000,
          "maximum": 4999,
          "description": "The close code: an integer from 4000 to 4999 (private use), or 3000–3999 if registered with IANA. Each code may be declared once."
        },
        "name": {
          "type": "string",
          "minLength": 1,
          "pattern": "\\S",
          "description": "Short name of the code, such as \"Room Closed\"."
        },
        "description": {
          "type": "string",
          "description": "What the code means and when the application sends it (shown in hovers)."
        },
        "reconnect": {
          "description": "What a client should do after receiving this code.",
          "allOf": [
            {
              "$ref": "#/definitions/reconnect"
            }
          ]
        }
      },
      "required": [
        "code",
        "name"
      ],
      "additionalProperties": false
    }
  },
  "runtimes": {
    "type": "object",
    "description": "Runtime forced for files matching a glob (relative to the folder of this file), when the type of a socket does not reveal it. When several globs match a file, the last one wins.",
    "propertyNames": {
      "$ref": "#/definitions/glob"
    },
    "additionalProperties": {
      "$ref": "#/definitions/runtime"
    }
  },
  "ignore": {
    "type": "array",
    "description": "Globs (relative to the folder of this file) of files wsclose does not check. A pattern starting with \"!\" checks again files an earlier pattern ignored.",
    "items": {
      "$ref": "#/definitions/ignoreGlob"
    }
  },
  "reportUnusedDirectives": {
    "description": "How to report wsclose-disable comments that suppress nothing: \"off\", \"warn\" (default) or \"error\". Unknown rule names in directives are always errors.",
    "enum": [
      "off",
      "warn",
      "error"
    ],
    "default": "warn"
  }
};

const DEFINITIONS: Readonly<Record<string, { readonly [key: string]: Json }>> = {
  "ruleId": {
    "description": "A wsclose rule id."
  },
  "severity": {
    "description": "\"off\" or 0: do not run the rule; \"warn\" or 1: report as a warning; \"error\" or 2: report as an error (the CLI exits with 1).",
    "enum": [
      "off",
      "warn",
      "error",
      0,
      1,
      2
    ]
  },
  "noOptions": {
    "type": "object",
    "description": "This rule takes no options.",
    "properties": {},
    "additionalProperties": false
  },
  "profileId": {
    "description": "An app profile id."
  },
  "runtime": {
    "description": "A runtime id, or an alias: \"browser\", \"undici\" and \"deno\" mean \"whatwg\", \"node-ws\" means \"ws\", \"bun\" means \"bun-server\", \"workers\" means \"cloudflare\"."
  },
  "reconnect": {
    "description": "What a client should do after receiving the code: \"yes\" (reconnect), \"backoff\" (reconnect with backoff), \"no\" (do not reconnect), \"not-applicable\".",
    "enum": [
      "yes",
      "backoff",
      "no",
      "not-applicable"
    ]
  },
  "glob": {
    "type": "string",
    "description": "A picomatch glob relative to the folder of wsclose.config.json (\"/\" separators; dot files match). Not empty, not absolute, no \"..\" segments.",
    "pattern": "^(?!\\s*$)(?![/\\\\])(?![A-Za-z]:)(?!(?:.*[/\\\\])?\\.\\.(?:[/\\\\]|$))"
  },
  "ignoreGlob": {
    "type": "string",
    "description": "A picomatch glob relative to the folder of wsclose.config.json, optionally starting with \"!\" to re-include files. Not empty, not absolute, no \"..\" segments.",
    "pattern": "^(?!!?\\s*$)(?!!?[/\\\\])(?!!?[A-Za-z]:)(?!!?(?:.*[/\\\\])?\\.\\.(?:[/\\\\]|$))"
  }
};

function severityOnly(): Json {
  return { type: 'array', items: [{ $ref: '#/definitions/severity' }], minItems: 1, maxItems: 1, additionalItems: false };
}

function ruleOptions(id: (typeof RULE_IDS)[number]): Json {
  const schema = RULES[id].meta.optionsSchema;
  const names = Object.keys(schema.properties);
  if (names.length === 0) return { $ref: '#/definitions/noOptions' };
  const properties = Object.fromEntries(
    names.map((name) => {
      const description = OPTION_DESCRIPTIONS[id]?.[name];
      if (description === undefined) throw new Error(`option ${name} of ${id} has no description in engine/config-schema.ts`);
      return [name, { ...(schema.properties[name] as Record<string, Json>), description }];
    }),
  );
  return { type: 'object', description: `Options of ${id}.`, properties, additionalProperties: false };
}

function ruleSchema(id: (typeof RULE_IDS)[number]): Json {
  return {
    description: RULES_TEXT_EN.rules[id].description,
    anyOf: [
      { $ref: '#/definitions/severity' },
      severityOnly(),
      { type: 'array', items: [{ $ref: '#/definitions/severity' }, ruleOptions(id)], minItems: 2, maxItems: 2, additionalItems: false },
    ],
  };
}

/** The JSON Schema of wsclose.config.json. */
export function configSchema(): Json {
  const { additionalProperties, ...rulesShape } = RULES_SHAPE;
  return {
    ...HEAD,
    properties: {
      $schema: OTHER_PROPERTIES['$schema']!,
      rules: { ...rulesShape, properties: Object.fromEntries(RULE_IDS.map((id) => [id, ruleSchema(id)])), additionalProperties },
      ...Object.fromEntries(Object.entries(OTHER_PROPERTIES).filter(([key]) => key !== '$schema')),
    },
    additionalProperties: false,
    definitions: {
      ruleId: { ...DEFINITIONS['ruleId']!, enum: [...RULE_IDS] },
      severity: DEFINITIONS['severity']!,
      noOptions: DEFINITIONS['noOptions']!,
      profileId: { ...DEFINITIONS['profileId']!, enum: APP_PROFILES.map((profile) => profile.id) },
      runtime: { ...DEFINITIONS['runtime']!, enum: acceptedRuntimeNames() },
      ...Object.fromEntries(Object.entries(DEFINITIONS).filter(([key]) => !['ruleId', 'severity', 'noOptions', 'profileId', 'runtime'].includes(key))),
    },
  };
}

/** The file's text: two-space JSON and a final newline. */
export function configSchemaText(): string {
  return `${JSON.stringify(configSchema(), null, 2)}\n`;
}
