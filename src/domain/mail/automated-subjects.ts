// `\b` is ASCII-only in JavaScript ("automática:" has no word boundary), so openings end at any non-letter.
export function opening(words: string): RegExp {
  return new RegExp(`^${words}(?![\\p{L}\\p{N}])`, "iu");
}

/**
 * Subject openings that mail systems put on bounces and autoreplies, in the languages our referrers' and
 * partners' systems use. Matched at the start of the subject only, so a person writing "FW: Undeliverable"
 * or mentioning "out of office" mid-subject is not silenced.
 */
export const DELIVERY_FAILURE_SUBJECTS: readonly RegExp[] = [
  opening("undeliverable"),
  opening("undelivered mail returned to sender"),
  opening("delivery status notification \\(failure\\)"),
  opening("mail delivery failed"),
  opening("delivery failure"),
  opening("returned mail"),
  opening("failure notice"),
  opening("unzustellbar"), // German Exchange
  opening("non remis"), // French Exchange
  opening("no se puede entregar"), // Spanish Exchange
  opening("onbestelbaar"), // Dutch Exchange
  opening("non recapitabile"), // Italian Exchange
  opening("niedostarczalne"), // Polish Exchange
  opening("não é possível entregar"), // Portuguese Exchange
  opening("kan inte levereras"), // Swedish Exchange
  opening("nelivrabil"), // Romanian Exchange
  opening("dim modd ei ddanfon"), // Welsh Exchange
];

export const AUTOREPLY_SUBJECTS: readonly RegExp[] = [
  opening("automatic reply"),
  opening("auto[- ]?reply"),
  opening("auto[- ]?response"),
  opening("out of (?:the )?office"),
  opening("réponse automatique"),
  opening("absence du bureau"),
  opening("abwesenheitsnotiz"),
  opening("automatische antwort"),
  opening("respuesta automática"),
  opening("fuera de la oficina"),
  opening("risposta automatica"),
  opening("fuori ufficio"),
  opening("automatisch antwoord"),
  opening("afwezig"),
  opening("autosvar"),
  opening("frånvaro"),
  opening("odpowiedź automatyczna"),
  opening("poza biurem"),
  opening("resposta automática"),
  opening("fora do escritório"),
  opening("allan o['’]r swyddfa"), // Welsh: out of the office
  opening("ateb awtomatig"), // Welsh: automatic reply
  opening("răspuns automat"), // Romanian
  opening("otomatik yanıt"), // Turkish
  opening("automatinis atsakymas"), // Lithuanian
  opening("jawaab toos ah"), // Somali
  opening("خودکار جواب"), // Urdu
  opening("ਸਵੈਚਲਿਤ ਜਵਾਬ"), // Punjabi (Gurmukhi)
  opening("رد تلقائي"), // Arabic
  opening("স্বয়ংক্রিয় উত্তর"), // Bengali
];

export const startsWithAny = (subject: string, patterns: readonly RegExp[]): boolean => {
  const trimmed = subject.trim();
  return patterns.some((pattern) => pattern.test(trimmed));
};
