// What a customer's interactions, invoices and customer records add up to, kept only for customers that have
// any; the interactions' and the invoices' tallies only for customers that have those, so that a million customer
// records alone take a few fields each. Every field combines by addition, min/max or "mixed", so any split of the
// rows merges exactly. Internal.

/** A customer's interactions added up; lastByKind holds day numbers per INTERACTION_KINDS index, -Infinity when none. */
class InteractionTally {
  interactions = 0;
  lastInteraction: number = Number.NEGATIVE_INFINITY;
  lastByKind: number[] | undefined = undefined;
  complaints = 0;
  openComplaints = 0;
  satisfactionSum = 0;
  satisfactionCount = 0;
  npsDay: number = Number.NEGATIVE_INFINITY;
  nps = -1;

  /** Keeps the latest NPS answer; of answers on the same day, the lowest. */
  noteNps(day: number, score: number): void {
    if (score < 0) return;
    if (day > this.npsDay || (day === this.npsDay && score < this.nps)) {
      this.npsDay = day;
      this.nps = score;
    }
  }

  merge(other: InteractionTally): void {
    this.interactions += other.interactions;
    this.lastInteraction = Math.max(this.lastInteraction, other.lastInteraction);
    if (other.lastByKind) {
      this.lastByKind ??= other.lastByKind.map(() => Number.NEGATIVE_INFINITY);
      const mine = this.lastByKind;
      other.lastByKind.forEach((day, k) => {
        mine[k] = Math.max(mine[k] ?? Number.NEGATIVE_INFINITY, day);
      });
    }
    this.complaints += other.complaints;
    this.openComplaints += other.openComplaints;
    this.satisfactionSum += other.satisfactionSum;
    this.satisfactionCount += other.satisfactionCount;
    this.noteNps(other.npsDay, other.nps);
  }
}

/** A customer's invoices added up. */
class InvoiceTally {
  invoices = 0;
  openReceivables = 0;
  overdueInvoices = 0;
  overdueAmount = 0;
  maxDaysPastDue = -1;
  paidInvoices = 0;
  daysToPaySum = 0;

  merge(other: InvoiceTally): void {
    this.invoices += other.invoices;
    this.openReceivables += other.openReceivables;
    this.overdueInvoices += other.overdueInvoices;
    this.overdueAmount += other.overdueAmount;
    this.maxDaysPastDue = Math.max(this.maxDaysPastDue, other.maxDaysPastDue);
    this.paidInvoices += other.paidInvoices;
    this.daysToPaySum += other.daysToPaySum;
  }
}

export class CustomerExtra {
  currency: string | undefined = undefined;
  mixedCurrencies = false;
  // Customer record.
  createdDay: number = Number.POSITIVE_INFINITY;
  creditLimit = -1;
  /** The interactions' tally, made with the first. */
  interactionTally: InteractionTally | undefined = undefined;
  /** The invoices' tally, made with the first. */
  invoiceTally: InvoiceTally | undefined = undefined;

  /** Records the currency of a row: a second, different currency marks the customer as mixed. */
  noteCurrency(currency: string): void {
    if (currency === this.currency || this.mixedCurrencies) return;
    if (this.currency === undefined) this.currency = currency;
    else this.mixedCurrencies = true;
  }

  /** The interactions' tally, made now if there is none yet. */
  interactions(): InteractionTally {
    this.interactionTally ??= new InteractionTally();
    return this.interactionTally;
  }

  /** The invoices' tally, made now if there is none yet. */
  invoices(): InvoiceTally {
    this.invoiceTally ??= new InvoiceTally();
    return this.invoiceTally;
  }

  /** Adds another customer's extra of the same customer into this one. */
  merge(other: CustomerExtra): void {
    if (other.currency !== undefined) this.noteCurrency(other.currency);
    if (other.mixedCurrencies) this.mixedCurrencies = true;
    if (other.interactionTally) this.interactions().merge(other.interactionTally);
    if (other.invoiceTally) this.invoices().merge(other.invoiceTally);
    this.createdDay = Math.min(this.createdDay, other.createdDay);
    this.creditLimit = Math.max(this.creditLimit, other.creditLimit);
  }
}
