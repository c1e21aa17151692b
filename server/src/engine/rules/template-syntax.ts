import type { Rule } from './rule';

export const templateSyntax: Rule = {
  id: 'template-syntax',
  description: 'Unclosed {{ or {% expressions, blocks that are never closed, and stray {{else}} tags.',
  defaultSeverity: 'error',
  fixable: false,
  why: {
    source: '002_7ed0ca1cf187ed43.txt',
    quote: 'These "customers" will often judge your level of service based on how you respond to a mistake.',
  },
  example: { bad: 'Hi {{customer.first_name,', better: 'Hi {{customer.first_name}},' },

  checkDocument({ doc }) {
    return doc.problems.map((problem) => ({ start: problem.start, end: problem.end, message: problem.message }));
  },
};
