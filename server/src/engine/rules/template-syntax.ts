import type { Rule } from './support/rule';

export const templateSyntax: Rule = {
  id: 'template-syntax',
  description: 'Unclosed {{ or {% expressions, blocks that are never closed, and stray {{else}} tags.',
  defaultSeverity: 'error',
  fixable: false,
  why: {
    source: '002_7ed0ca1cf187ed43.txt',
    // A broken {{customer.first_name shows the customer raw braces instead of their name.
    quote: "It's also good practice to use the customers name in a difficult situation.",
  },
  example: { bad: 'Hi {{customer.first_name,', better: 'Hi {{customer.first_name}},' },

  checkDocument({ doc }) {
    return doc.problems.map((problem) => ({ start: problem.start, end: problem.end, message: problem.message }));
  },
};
