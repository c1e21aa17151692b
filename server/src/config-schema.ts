// The settings, described once: the VS Code settings (package.json
// contributes.configuration) and the JSON schema of .rapport.json are both
// generated from this metadata and the rule registry (npm run generate:settings),
// so they cannot drift from each other or from the rules.

import { rules as allRules, type Rule } from './engine';
import { CONFIG_FILE, DEFAULT_IGNORE, DEFAULT_MAX_FILE_SIZE } from './config';

type Schema = Record<string, unknown>;

const SEVERITY_ENUM = ['error', 'warning', 'info', 'hint', 'off'];
const SEVERITY_DESCRIPTIONS = ['Shown as an error (fails the CLI).', 'Shown as a warning.', 'Shown as information.', 'Shown as a faint hint.', 'The rule does not run.'];

export const SCHEMA_PATH = 'schemas/rapport.schema.json';

function ruleSetting(rule: Rule): Schema {
  return {
    type: 'string',
    enum: SEVERITY_ENUM,
    enumDescriptions: SEVERITY_DESCRIPTIONS,
    default: rule.defaultSeverity,
    description: `${rule.description} (default: ${rule.defaultSeverity})`,
  };
}

/** The settings shared by VS Code and .rapport.json, keyed without the "rapport." prefix. */
export function sharedSettings(rules: readonly Rule[] = allRules): Record<string, Schema> {
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  return {
    rules: {
      type: 'object',
      default: {},
      description: 'Severity per rule: error, warning, info, hint, or off to disable the rule. Rules not listed use their default severity.',
      properties: Object.fromEntries(sorted.map((rule) => [rule.id, ruleSetting(rule)])),
      additionalProperties: false,
    },
    namePlaceholder: {
      type: 'string',
      default: '',
      description: 'The placeholder that renders the customer\'s first name in your help desk, e.g. {{customer.first_name}}. Fixes that greet the customer use it.',
    },
    library: {
      type: 'string',
      enum: ['auto', 'single', 'headings'],
      enumDescriptions: [
        'Detect it: a file whose headings each start a reply is a library of macros.',
        'Every file is one macro.',
        'Every heading section is its own macro.',
      ],
      default: 'auto',
      description: 'How a file maps to macros: one macro per file, or a library with one macro per heading section.',
    },
    phrases: {
      type: 'array',
      default: [],
      description: 'The team\'s own phrases to avoid, each with what to write instead.',
      items: {
        type: 'object',
        required: ['phrase'],
        additionalProperties: false,
        properties: {
          phrase: { type: 'string', minLength: 1, description: 'The phrase to flag (matched case-insensitively, as whole words).' },
          preferred: { type: 'string', description: 'What to write instead; offered as a quick fix.' },
          message: { type: 'string', description: 'The message shown on the finding.' },
          severity: { type: 'string', enum: ['error', 'warning', 'info', 'hint'], description: 'How the finding is shown (default: warning).' },
        },
      },
    },
    maxFileSize: {
      type: 'number',
      minimum: 1,
      default: DEFAULT_MAX_FILE_SIZE,
      description: 'Files larger than this many bytes are skipped with a notice.',
    },
    ignore: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description: `Globs of files that are not macros, matched against the path relative to the workspace; a pattern without a slash matches a file name in any folder. ${DEFAULT_IGNORE.filter((g) => !g.includes('/')).join(', ')} and node_modules are never linted.`,
    },
  };
}

/** package.json contributes.configuration. */
export function vscodeConfiguration(rules: readonly Rule[] = allRules): Schema {
  const properties: Record<string, Schema> = {};
  for (const [key, schema] of Object.entries(sharedSettings(rules))) {
    properties[`rapport.${key}`] = { ...schema, scope: 'resource' };
  }
  properties['rapport.trace.server'] = {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    default: 'off',
    scope: 'window',
    description: 'Logs the messages between VS Code and the Rapport server in the Rapport output channel.',
  };
  return { title: 'Rapport', properties };
}

/** package.json contributes.jsonValidation. */
export function jsonValidation(): Schema[] {
  return [{ fileMatch: CONFIG_FILE, url: `./${SCHEMA_PATH}` }];
}

/** The JSON schema of .rapport.json. */
export function rapportJsonSchema(rules: readonly Rule[] = allRules): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Rapport settings (.rapport.json)',
    description: 'Workspace settings for Rapport, the support macro linter. VS Code settings (rapport.*) override these.',
    type: 'object',
    properties: { $schema: { type: 'string' }, ...sharedSettings(rules) },
    additionalProperties: false,
  };
}
