import { splitInline } from "../mail/referrer-fields.js";

/** The areas a centre declares (FC_CENTRES_FILE `areas`): postcode districts or sectors, and school names. */
export interface CentreAreas {
  readonly id: string;
  readonly postcodes: readonly string[];
  readonly schools: readonly string[];
}

/** How a Front Door contact found its centre: the form's postcode or school, or a person in the county triage queue. */
export type FrontDoorRouteBy = "postcode" | "school" | "person";

export type AreaRoute =
  | { readonly routed: true; readonly centre: string; readonly by: Exclude<FrontDoorRouteBy, "person"> }
  | { readonly routed: false; readonly reason: "no-area-named" | "no-centre-covers" | "several-centres" };

/** Form labels whose value locates the family: a postcode, or an address that ends in one. */
const POSTCODE_LABEL = /^(?:(?:child'?s?|family'?s?|home|parent'?s?) )?(?:post ?code|address)$/;
/** Form labels naming the child's school (never the referrer's organisation: a school may refer a family it is near). */
const SCHOOL_LABEL = /^(?:(?:child'?s?|current) )?school(?: name| attended)?$|^name of (?:the )?school$/;
const POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?) ?(\d)[A-Z]{2}\b/;

const normalise = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^a-z0-9' ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** The values of the form's fields whose label matches, in order. */
function valuesOf(bodyText: string, label: RegExp): string[] {
  return bodyText.split(/\r?\n/).flatMap((line) => {
    const field = splitInline(line);
    return field !== undefined && field.value !== "" && label.test(normalise(field.label)) ? [field.value] : [];
  });
}

/** The centres whose areas cover the postcode, most specific declaration first (a sector over its district). */
function byPostcode(bodyText: string, centres: readonly CentreAreas[]): readonly string[] | undefined {
  const found = valuesOf(bodyText, POSTCODE_LABEL)
    .map((value) => POSTCODE.exec(value.toUpperCase()))
    .find((match) => match !== null);
  if (found === undefined) return undefined;
  const [, district = "", sector = ""] = found;
  const covering = (area: string) => centres.filter((c) => c.postcodes.includes(area)).map((c) => c.id);
  const bySector = covering(`${district} ${sector}`);
  return bySector.length > 0 ? bySector : covering(district);
}

function bySchool(bodyText: string, centres: readonly CentreAreas[]): readonly string[] | undefined {
  const named = valuesOf(bodyText, SCHOOL_LABEL).map(normalise);
  if (named.length === 0) return undefined;
  return centres.filter((c) => c.schools.some((school) => named.includes(normalise(school)))).map((c) => c.id);
}

/**
 * Issue 21 §4: which centre a referral sent to the county's shared Front Door address belongs to, by the postcode (the
 * family's home decides first) or else the school its form names, matched against the areas each centre declares.
 * Nothing named, nothing covering it, or two centres claiming it: a person routes it from the county triage queue.
 */
export function routeByArea(bodyText: string, centres: readonly CentreAreas[]): AreaRoute {
  const postcode = byPostcode(bodyText, centres);
  const school = bySchool(bodyText, centres);
  if (postcode === undefined && school === undefined) return { routed: false, reason: "no-area-named" };
  for (const [by, ids] of [
    ["postcode", postcode],
    ["school", school],
  ] as const) {
    if (ids === undefined || ids.length === 0) continue;
    const [only, ...more] = ids;
    return more.length === 0 && only !== undefined
      ? { routed: true, centre: only, by }
      : { routed: false, reason: "several-centres" };
  }
  return { routed: false, reason: "no-centre-covers" };
}
