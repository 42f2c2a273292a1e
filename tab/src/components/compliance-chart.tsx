import { tokens } from "@fluentui/react-components";
import type { RuleCompliance } from "../../../src/api/contract.js";

const BAR_HEIGHT = 18;
const GAP = 8;
const LABEL_WIDTH = 64;
const WIDTH = 480;

/**
 * On time against late per rule, as stacked bars. The table beside it carries the same figures for screen
 * readers, so the picture itself is one labelled image rather than dozens of unlabelled shapes.
 */
export function ComplianceChart({ rules }: { rules: readonly RuleCompliance[] }) {
  const most = Math.max(1, ...rules.map((r) => r.onTime + r.late + r.lateStillOpen));
  const scale = (WIDTH - LABEL_WIDTH) / most;
  const height = rules.length * (BAR_HEIGHT + GAP);
  return (
    <svg
      role="img"
      aria-label="On time (green) against late (red) for each rule; the figures are in the table below."
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: WIDTH }}
    >
      {rules.map((rule, index) => {
        const y = index * (BAR_HEIGHT + GAP);
        const onTime = rule.onTime * scale;
        const late = (rule.late + rule.lateStillOpen) * scale;
        return (
          <g key={rule.ruleId}>
            <text x={0} y={y + BAR_HEIGHT - 4} fill={tokens.colorNeutralForeground1} fontSize={12}>
              {rule.ruleId}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={onTime} height={BAR_HEIGHT} fill={tokens.colorPaletteGreenBackground3} />
            <rect
              x={LABEL_WIDTH + onTime}
              y={y}
              width={late}
              height={BAR_HEIGHT}
              fill={tokens.colorPaletteRedBackground3}
            />
          </g>
        );
      })}
    </svg>
  );
}
