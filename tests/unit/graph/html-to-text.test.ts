import { describe, expect, it } from "vitest";
import { htmlToText } from "../../../src/graph/html-to-text.js";

const MB = 1 << 20;
const oneMegabyteOf = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

describe("html mail bodies as plain text", () => {
  it("keeps paragraphs and line breaks as lines", () => {
    expect(htmlToText("<p>Dear Front Door,</p><p>Please see<br>the attached EHA.</p>")).toBe(
      "Dear Front Door,\n\nPlease see\nthe attached EHA.",
    );
  });

  it("drops scripts, styles, comments and images with their content", () => {
    const html =
      "<html><head><style>p{color:red}</style><title>t</title></head><body>" +
      "<script>alert('x')</script><!-- tracking --><img src='https://t.example/p.gif' alt='pixel'>" +
      "<p>Referral for support</p></body></html>";
    expect(htmlToText(html)).toBe("Referral for support");
  });

  it("drops an unclosed script to the end rather than leak its code", () => {
    expect(htmlToText("<p>Hello</p><script>steal()")).toBe("Hello");
  });

  it("decodes entities once, so encoded markup stays text", () => {
    expect(htmlToText("<p>A &amp; B &lt;b&gt; &#163;5 &#x2019; &nbsp;x</p>")).toBe("A & B <b> £5 ’ x");
  });

  it("lists items one a line", () => {
    expect(htmlToText("<ul><li>One</li><li>Two</li></ul>")).toBe("- One\n- Two");
  });

  it("collapses source whitespace that HTML does not show", () => {
    expect(htmlToText("<div>\n   Family\n\n   Centre   </div>")).toBe("Family Centre");
  });

  it("keeps a link's text, never its address", () => {
    expect(htmlToText('<p><a href="https://evil.example/x">Referral form</a></p>')).toBe("Referral form");
  });
});

describe("issue 19 forms read from the HTML Graph returns", () => {
  it("writes label and value cells of a table as 'Label: value' lines", () => {
    const html =
      "<table><tr><th colspan=2>Front Door contact</th></tr>" +
      "<tr><td>Referrer Name</td><td>Gareth Lloyd</td></tr>" +
      '<tr><td>Referrer Email:</td><td><a href="mailto:g.lloyd@probation.example">g.lloyd@probation.example</a></td></tr>' +
      "<tr><td>Presenting need</td><td>First line<br>second line</td></tr></table>";
    expect(htmlToText(html)).toBe(
      "Front Door contact\nReferrer Name: Gareth Lloyd\nReferrer Email: g.lloyd@probation.example\n" +
        "Presenting need: First line\nsecond line",
    );
  });

  it("pairs a row of two labels and two values, and skips spacer columns", () => {
    const html =
      "<table><tr><td>Referrer name</td><td>&nbsp;</td><td>Jo Bloggs</td><td>Agency</td><td></td><td>Hillside School</td></tr>" +
      "<tr><td>Referrer email</td><td></td><td>jo@hillside.example</td><td>Role</td><td> </td><td>DSL</td></tr></table>";
    expect(htmlToText(html)).toBe(
      "Referrer name: Jo Bloggs\nAgency: Hillside School\nReferrer email: jo@hillside.example\nRole: DSL",
    );
  });

  it("gives each value its column's label under a header row", () => {
    const html =
      "<table><thead><tr><th>Referrer name</th><th>Referrer email</th></tr></thead>" +
      "<tbody><tr><td>Jo Bloggs</td><td>jo@hillside.example</td></tr></tbody></table>";
    expect(htmlToText(html)).toBe("Referrer name: Jo Bloggs\nReferrer email: jo@hillside.example");
  });

  it("reads a definition list as terms and their descriptions", () => {
    expect(
      htmlToText("<dl><dt>Referrer name</dt><dd>Jo Bloggs</dd><dt>Referrer email</dt><dd>jo@x.example</dd></dl>"),
    ).toBe("Referrer name: Jo Bloggs\nReferrer email: jo@x.example");
  });

  it("reads two columns side by side, labels in one and values in the other", () => {
    const html =
      "<table><tr><td><p>Referrer name</p><p>Referrer email</p></td>" +
      "<td><p>Jo Bloggs</p><p>jo@x.example</p></td></tr></table>";
    expect(htmlToText(html)).toBe("Referrer name: Jo Bloggs\nReferrer email: jo@x.example");
  });

  it("keeps forms nested in a layout table apart, never pairing one form with the next", () => {
    const html =
      "<table><tr><td><table><tr><td>Referrer name</td><td>Jo</td></tr></table></td>" +
      "<td><table><tr><td>Agency</td><td>School</td></tr></table></td></tr></table>";
    expect(htmlToText(html)).toBe("Referrer name: Jo\nAgency: School");
  });
});

describe("issue 19 parsing in linear time", () => {
  // The regexes this replaced took 2.5 s on 64 KB of "<a" and minutes on 1 MB; an HTML parser's tree builder takes
  // minutes on 1 MB of unclosed tags nested 200,000 deep unless the nesting is bounded.
  it.each(["<a", "<div>", "<table><tr><td>", "<dl><dt>", "</p>", "<!--", "&#"])(
    "reads 1 MB of %s in well under the time a freeze would take",
    (unit) => {
      const started = performance.now();
      htmlToText(oneMegabyteOf(unit));
      expect(performance.now() - started).toBeLessThan(5_000);
    },
  );

  it("keeps the text of elements nested deeper than it builds", () => {
    expect(htmlToText(`${"<div>".repeat(2_000)}Referrer name: Jo${"</div>".repeat(2_000)}`)).toBe("Referrer name: Jo");
  });
});
