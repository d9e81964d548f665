/**
 * Drawing primitives for the guide's schematic screens: an admin-center window, its
 * menu, buttons and fields, and the two marks the guide uses everywhere: an orange
 * numbered outline (select this) and a green dashed box (copy or type this value).
 * Server components only: the drawings are static SVG with no JavaScript.
 */
import type { ReactNode } from "react";

export const W = 660;
/** Content is drawn in a 640-wide frame of reference, shifted right of the wider menu. */
const CONTENT_SHIFT = 20;
const MENU_WIDTH = 170;
/** The site's colour tokens (app/globals.css) where a drawing uses one, so the two never drift apart. */
export const COLOR = {
  ink: "var(--color-ink)",
  muted: "var(--color-muted)",
  line: "#b1b4b6",
  panel: "var(--color-panel)",
  bar: "#1d3b5e",
  selected: "#dbe9f8",
  link: "var(--color-brand-700)",
  act: "#e8590c",
  copy: "var(--color-success)",
  no: "var(--color-error)",
};
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

export function Drawing(props: { height: number; labelledBy: string; describedBy: string; children: ReactNode }) {
  return (
    <svg
      viewBox={`0 0 ${W} ${props.height}`}
      role="img"
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
      className="h-auto w-full"
      fontFamily={FONT}
    >
      {props.children}
    </svg>
  );
}

export function T(props: {
  x: number;
  y: number;
  children: ReactNode;
  size?: number;
  bold?: boolean;
  fill?: string;
  anchor?: "start" | "middle" | "end";
  mono?: boolean;
}) {
  return (
    <text
      x={props.x}
      y={props.y}
      fontSize={props.size ?? 15}
      fontWeight={props.bold ? 700 : 400}
      fill={props.fill ?? COLOR.ink}
      textAnchor={props.anchor ?? "start"}
      fontFamily={props.mono ? "ui-monospace, Menlo, monospace" : undefined}
      style={props.mono ? { whiteSpace: "pre" } : undefined}
    >
      {props.children}
    </text>
  );
}

/**
 * A browser-like window with the admin center's dark top bar and a search box, and
 * optionally its left-hand menu. Children are drawn as if the menu were 150 wide; they
 * are shifted to sit beside the real (wider) menu.
 */
export function Window(props: { height: number; title: string; address: string; menu?: MenuItem[]; children: ReactNode }) {
  return (
    <g>
      <rect x={1} y={1} width={W - 2} height={props.height - 2} rx={8} fill="#fff" stroke={COLOR.line} strokeWidth={2} />
      <rect x={1} y={1} width={W - 2} height={40} rx={8} fill={COLOR.bar} />
      <rect x={1} y={30} width={W - 2} height={11} fill={COLOR.bar} />
      <T x={16} y={27} size={15} bold fill="#fff">
        {props.title}
      </T>
      <rect x={W - 250} y={10} width={232} height={22} rx={11} fill="#fff" opacity={0.9} />
      <T x={W - 238} y={26} size={12} fill={COLOR.muted}>
        {props.address}
      </T>
      {props.menu ? <Menu items={props.menu} height={props.height} /> : null}
      <g transform={`translate(${CONTENT_SHIFT} 0)`}>{props.children}</g>
    </g>
  );
}

export type MenuItem = { label: string; indent?: boolean; selected?: boolean; heading?: boolean };

/** The left-hand menu. */
function Menu(props: { items: MenuItem[]; height: number }) {
  const top = 42;
  return (
    <g>
      <rect x={2} y={top} width={MENU_WIDTH} height={props.height - top - 2} fill={COLOR.panel} />
      {props.items.map((item, i) => {
        const y = top + 26 + i * 28;
        return (
          <g key={item.label + i}>
            {item.selected ? <rect x={2} y={y - 18} width={MENU_WIDTH} height={26} fill={COLOR.selected} /> : null}
            {item.selected ? <rect x={2} y={y - 18} width={4} height={26} fill={COLOR.link} /> : null}
            <T x={item.indent ? 20 : 12} y={y} size={item.heading ? 12 : 13} bold={item.selected || item.heading} fill={item.heading ? COLOR.muted : COLOR.ink}>
              {item.label}
            </T>
          </g>
        );
      })}
    </g>
  );
}

/** An orange outline on a menu item (menu row `index`, counted from 0), drawn inside a Window's content. */
export function ActOnMenu(props: { index: number; n: number }) {
  return <Act x={4 - CONTENT_SHIFT} y={42 + 26 + props.index * 28 - 19} w={MENU_WIDTH - 4} h={28} n={props.n} badge="right" />;
}

/** `fill`: a primary button of another colour (our own form's are green, the admin center's blue). */
export function Button(props: { x: number; y: number; w: number; label: string; primary?: boolean; muted?: boolean; h?: number; fill?: string }) {
  const h = props.h ?? 30;
  const primary = props.fill ?? COLOR.link;
  return (
    <g>
      <rect
        x={props.x}
        y={props.y}
        width={props.w}
        height={h}
        rx={4}
        fill={props.primary ? primary : "#fff"}
        stroke={props.primary ? primary : COLOR.line}
        strokeWidth={1.5}
      />
      <T x={props.x + props.w / 2} y={props.y + h / 2 + 5} size={14} anchor="middle" bold={props.primary} fill={props.primary ? "#fff" : props.muted ? COLOR.muted : COLOR.link}>
        {props.label}
      </T>
    </g>
  );
}

export function Field(props: { x: number; y: number; w: number; label: string; value: string; select?: boolean }) {
  return (
    <g>
      <T x={props.x} y={props.y} size={14} bold>
        {props.label}
      </T>
      <rect x={props.x} y={props.y + 8} width={props.w} height={30} rx={3} fill="#fff" stroke={COLOR.muted} strokeWidth={1.5} />
      <T x={props.x + 10} y={props.y + 28} size={14}>
        {props.value}
      </T>
      {props.select ? <path d={`M${props.x + props.w - 22} ${props.y + 19} l7 7 l7 -7`} fill="none" stroke={COLOR.ink} strokeWidth={2} /> : null}
    </g>
  );
}

/** A small "copy to clipboard" icon as the admin center shows beside values. */
export function CopyIcon(props: { x: number; y: number }) {
  return (
    <g fill="none" stroke={COLOR.link} strokeWidth={1.6}>
      <rect x={props.x + 4} y={props.y} width={10} height={12} rx={1.5} />
      <rect x={props.x} y={props.y + 4} width={10} height={12} rx={1.5} fill="#fff" />
    </g>
  );
}

/** Orange outline with a numbered badge: "select this", in the order of the numbers. */
export function Act(props: { x: number; y: number; w: number; h: number; n: number; badge?: "left" | "right" }) {
  const bx = props.badge === "right" ? props.x + props.w + 2 : props.x - 2;
  return (
    <g>
      <rect x={props.x} y={props.y} width={props.w} height={props.h} rx={6} fill="none" stroke={COLOR.act} strokeWidth={4} />
      <circle cx={bx} cy={props.y} r={12} fill={COLOR.act} />
      <T x={bx} y={props.y + 5} size={14} bold anchor="middle" fill="#fff">
        {props.n}
      </T>
    </g>
  );
}

/** Green dashed box with a tag: the value to copy or type. Red (tone "no"): not this one. */
export function Mark(props: {
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  tone?: "copy" | "no";
  tagAt?: "above" | "below" | "right";
  align?: "start" | "end";
}) {
  const color = props.tone === "no" ? COLOR.no : COLOR.copy;
  const tagWidth = props.label.length * 7.9 + 14;
  const tagX =
    props.tagAt === "right" ? props.x + props.w + 6 : props.align === "end" ? props.x + props.w - tagWidth : props.x;
  const tagY =
    props.tagAt === "below" ? props.y + props.h + 2 : props.tagAt === "right" ? props.y + (props.h - 20) / 2 : props.y - 22;
  return (
    <g>
      <rect x={props.x} y={props.y} width={props.w} height={props.h} rx={4} fill="none" stroke={color} strokeWidth={3} strokeDasharray="7 4" />
      <rect x={tagX} y={tagY} width={tagWidth} height={20} rx={3} fill={color} />
      <T x={tagX + 8} y={tagY + 15} size={13} bold fill="#fff">
        {props.label}
      </T>
    </g>
  );
}

export function Check(props: { x: number; y: number; checked?: boolean; radio?: boolean }) {
  return props.radio ? (
    <g>
      <circle cx={props.x + 8} cy={props.y + 8} r={8} fill="#fff" stroke={COLOR.ink} strokeWidth={1.5} />
      {props.checked ? <circle cx={props.x + 8} cy={props.y + 8} r={4.5} fill={COLOR.link} /> : null}
    </g>
  ) : (
    <g>
      <rect x={props.x} y={props.y} width={16} height={16} rx={2} fill={props.checked ? COLOR.link : "#fff"} stroke={props.checked ? COLOR.link : COLOR.ink} strokeWidth={1.5} />
      {props.checked ? <path d={`M${props.x + 3} ${props.y + 8} l4 4 l6 -8`} fill="none" stroke="#fff" strokeWidth={2} /> : null}
    </g>
  );
}
