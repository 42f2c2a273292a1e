import { describe, expect, it } from "vitest";
import { htmlToText } from "../../../src/graph/html-to-text.js";

describe("html mail bodies as plain text", () => {
  it("keeps paragraphs and line breaks as lines", () => {
    expect(htmlToText("<p>Dear Front Door,</p><p>Please see<br>the attached EHA.</p>")).toBe(
      "Dear Front Door,\n\nPlease see\nthe attached EHA.",
    );
  });

  it("drops scripts, styles and comments with their content", () => {
    const html =
      "<html><head><style>p{color:red}</style><title>t</title></head><body>" +
      "<script>alert('x')</script><!-- tracking --><p>Referral for support</p></body></html>";
    expect(htmlToText(html)).toBe("Referral for support");
  });

  it("drops an unclosed script to the end rather than leak its code", () => {
    expect(htmlToText("<p>Hello</p><script>steal()")).toBe("Hello");
  });

  it("decodes entities after removing tags, so encoded markup stays text", () => {
    expect(htmlToText("<p>A &amp; B &lt;b&gt; &#163;5 &#x2019; &nbsp;x</p>")).toBe("A & B <b> £5 ’ x");
  });

  it("lists items and separates table cells", () => {
    expect(htmlToText("<ul><li>One</li><li>Two</li></ul><table><tr><td>Name</td><td>Age</td></tr></table>")).toBe(
      "- One\n- Two\n\nName Age",
    );
  });

  it("collapses source whitespace that HTML does not show", () => {
    expect(htmlToText("<div>\n   Family\n\n   Centre   </div>")).toBe("Family Centre");
  });
});
