import { useEffect, useRef } from "react";
import { useSharedStyles } from "./styles.js";

/** Each view's h2; takes focus when the view opens so a screen reader announces where the person now is. */
export function ViewHeading({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const styles = useSharedStyles();
  useEffect(() => ref.current?.focus(), []);
  return (
    <h2 ref={ref} tabIndex={-1} className={styles.heading}>
      {children}
    </h2>
  );
}
