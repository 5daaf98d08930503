// The words and evidence of a signal result, made when read: the block of the account asked for is evaluated
// again (and kept for the next read of the same block, so that reading accounts, or one severity's alerts, in
// order evaluates each block once). A result keeps the columns of which rule fired for which account, not a
// million alert objects with their messages and evidence. Internal.
import type { Locale } from "../model/locale.js";
import { BlockEvaluator } from "./BlockEvaluator.js";
import type { CompiledPolicy } from "./compilePolicy.js";
import { compileTemplate } from "./compileTemplate.js";
import type { AccountGrade, AccountScore, AccountSignals, SignalAlert } from "./evaluateSignals.js";
import type { SignalAccount } from "./SignalAccount.js";
import type { SignalEvidence } from "./SignalEvidence.js";

/** Accounts evaluated together: their columns and masks take a few megabytes, not the gigabyte of a million. */
export const BLOCK = 65_536;

export class SignalReader {
  private readonly evaluator: BlockEvaluator;
  private readonly reasons: (((i: number) => string) | undefined)[][];
  private readonly messages: ((i: number) => string)[];
  private from = -1;

  constructor(
    private readonly accounts: readonly SignalAccount[],
    private readonly compiled: CompiledPolicy,
    locale: Locale,
  ) {
    this.evaluator = new BlockEvaluator(compiled, Math.min(accounts.length, BLOCK));
    const { table } = this.evaluator;
    const template = (text: Parameters<typeof compileTemplate>[0]): ((i: number) => string) =>
      compileTemplate(text, compiled.names, locale, table);
    this.reasons = compiled.grades.map((grade) =>
      grade.classes.map((entry) => (entry.reason === undefined ? undefined : template(entry.reason))),
    );
    this.messages = compiled.rules.map((rule) => template(rule.message));
  }

  /** Account `index`'s position in its block, the block evaluated. */
  private positionOf(index: number): number {
    const from = index - (index % BLOCK);
    if (from !== this.from) {
      this.evaluator.evaluate(this.accounts, from, Math.min(this.accounts.length, from + BLOCK));
      this.from = from;
    }
    return index - from;
  }

  /** Account `index`'s grades (reasons, evidence) and scores (contributions). */
  account(index: number): AccountSignals {
    const { evaluator, compiled } = this;
    const i = this.positionOf(index);
    const grades: Record<string, AccountGrade> = Object.create(null);
    compiled.grades.forEach((grade, g) => {
      const result = evaluator.grades[g] as BlockEvaluator["grades"][number];
      const c = result.classIndex[i] as number;
      const evidence: SignalEvidence[] = [];
      result.classes[c]?.explain(i, evidence, false);
      const reason = this.reasons[g]?.[c];
      grades[grade.name] = {
        label: result.labels[i] as string,
        ...(reason === undefined ? {} : { reason: reason(i) }),
        evidence,
      };
    });
    const scores: Record<string, AccountScore> = Object.create(null);
    compiled.scores.forEach((score, s) => {
      scores[score.name] = {
        value: (evaluator.scores[s] as BlockEvaluator["scores"][number]).values[i] as number,
        contributions: evaluator.contributions(s, i),
      };
    });
    return { id: (this.accounts[index] as SignalAccount).id, grades, scores };
  }

  /** The alert rule `r` raised for account `index` (the rule held for it). */
  alert(index: number, r: number): SignalAlert {
    const i = this.positionOf(index);
    const rule = this.compiled.rules[r] as CompiledPolicy["rules"][number];
    const evidence: SignalEvidence[] = [];
    this.evaluator.rules[r]?.explain(i, evidence, false);
    const id = (this.accounts[index] as SignalAccount).id;
    return {
      customerId: id,
      rule: rule.id,
      severity: rule.severity,
      category: rule.category,
      message: (this.messages[r] as (i: number) => string)(i),
      evidence,
      key: `${rule.id}|${id}`,
    };
  }
}
