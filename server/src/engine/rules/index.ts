// Every rule, in the order findings are produced. Add a rule: write its
// module beside these (the Rule interface and the helpers rules share are in
// support/), list it here, and give it a docs/rules/<id>.md page.

import type { Rule } from './support/rule';
import { weakApology } from './weak-apology';
import { missingAcknowledgement } from './missing-acknowledgement';
import { oversharing } from './oversharing';
import { reinforcingAgreement } from './reinforcing-agreement';
import { blameCustomer } from './blame-customer';
import { defensive } from './defensive';
import { hollowCliche } from './hollow-cliche';
import { templateSyntax } from './template-syntax';
import { noNextStep } from './no-next-step';
import { acknowledgementOrder } from './acknowledgement-order';
import { missingName } from './missing-name';
import { unfilledPlaceholder } from './unfilled-placeholder';
import { teamPhrase } from './team-phrase';
import { nameFallback } from './name-fallback';

export const rules: readonly Rule[] = [
  weakApology,
  missingAcknowledgement,
  oversharing,
  templateSyntax,
  noNextStep,
  acknowledgementOrder,
  missingName,
  unfilledPlaceholder,
  teamPhrase,
  reinforcingAgreement,
  blameCustomer,
  defensive,
  hollowCliche,
  nameFallback,
];

const byId = new Map(rules.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
