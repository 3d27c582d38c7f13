/**
 * The design of an Open Graph card, as satori's object tree (the shape JSX compiles to:
 * { type, props: { style, children } }), so no JSX/React toolchain is needed. Calm and
 * high-contrast like the site: white, near-black text, the site's blue accent. The tree is
 * plain data, which also makes it the cache key: change the design and every cached
 * image is re-rendered.
 */
import { OG_IMAGE_SIZE } from '../seo/og-paths.ts';

/** What a card says. Case studies fill every field; the site-wide card leaves some empty. */
export interface OgCardData {
  /** Small uppercase line above the title (the category). */
  eyebrow: string;
  title: string;
  subtitle?: string | undefined;
  /** Status label shown as a pill at the top right ("In production"). */
  badge?: string | undefined;
  /** Technology chips along the bottom. */
  chips: string[];
  /** Footer, left: the author's name. */
  author: string;
  /** Footer, right: where the site lives ("you.dev/portfolio"). */
  site: string;
  /** The study's `cover.image`, already scaled to fit the picture panel (cover-picture.ts). */
  picture?: CardPicture | undefined;
}

/** A raster picture for the card's right-hand panel: a PNG data URI and its drawn size. */
export interface CardPicture {
  src: string;
  width: number;
  height: number;
}

export type CardStyle = Record<string, string | number>;
export interface CardNode {
  type: 'div';
  props: { style: CardStyle; children?: CardChild | CardChild[] };
}
/** satori's picture element: it needs the drawn width and height up front. */
export interface CardImageNode {
  type: 'img';
  props: { src: string; width: number; height: number; style: CardStyle };
}
export type CardChild = CardNode | CardImageNode | string;

/** The site's light palette (src/styles/global.css). */
const COLOR = {
  bg: '#ffffff',
  text: '#151a24',
  muted: '#4d5566',
  border: '#d6dae2',
  borderStrong: '#9aa3b2',
  accent: '#1f4fb8',
  accentStrong: '#163a8a',
  accentSoft: '#e8eefb',
} as const;

const PAD_X = 72;
const ACCENT_BAR = 16;
const CONTENT_WIDTH = OG_IMAGE_SIZE.width - ACCENT_BAR - 2 * PAD_X;
/** The picture panel beside the text when a study has a `cover.image`. */
export const PICTURE_BOX = { width: 400, height: 380 } as const;
const PICTURE_GAP = 48;
export const PICTURE_BORDER = 2;

const div = (style: CardStyle, children?: CardChild | CardChild[]): CardNode => ({
  type: 'div',
  props: children === undefined ? { style } : { style, children },
});

/** Longer titles get a smaller size so they fit in three lines. */
export function titleSize(title: string, narrow = false): number {
  // The column beside a picture is about 60% as wide: count each character for more.
  const n = narrow ? Math.ceil(title.length * 1.6) : title.length;
  if (n <= 34) return 76;
  if (n <= 60) return 64;
  if (n <= 90) return 54;
  return 46;
}

const CHIP_FONT = 22;
const CHIP_PAD_X = 16;
const CHIP_GAP = 12;
/** Inter's average advance at weight 600 is a little over half the font size. */
const chipWidth = (text: string) => Math.ceil(text.length * CHIP_FONT * 0.56) + 2 * CHIP_PAD_X;

/**
 * The chips that fit on one line, with a "+N" chip for the rest, estimated from text
 * length (satori would otherwise wrap them onto a second line and push the footer off).
 */
export function fitChips(chips: string[], width: number = CONTENT_WIDTH): string[] {
  const shown: string[] = [];
  let used = 0;
  for (let i = 0; i < chips.length; i++) {
    const rest = chips.length - i - 1;
    const reserve = rest > 0 ? chipWidth(`+${rest}`) + CHIP_GAP : 0;
    const w = chipWidth(chips[i]!) + (shown.length > 0 ? CHIP_GAP : 0);
    if (used + w + reserve > width) {
      shown.push(`+${chips.length - i}`);
      return shown;
    }
    shown.push(chips[i]!);
    used += w;
  }
  return shown;
}

/** The picture, centred in its panel with a hairline frame, as on the study's card. */
function pictureFrame(picture: CardPicture): CardNode {
  return div(
    {
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      width: PICTURE_BOX.width,
      height: '100%',
      flexShrink: 0,
    },
    div(
      {
        display: 'flex',
        border: `${PICTURE_BORDER}px solid ${COLOR.border}`,
        borderRadius: 12,
        overflow: 'hidden',
      },
      {
        type: 'img',
        props: { src: picture.src, width: picture.width, height: picture.height, style: { width: picture.width, height: picture.height } },
      },
    ),
  );
}

export function cardTree(card: OgCardData): CardNode {
  const header = div(
    { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 24 },
    [
      div(
        {
          fontSize: 24,
          fontWeight: 700,
          color: COLOR.accent,
          textTransform: 'uppercase',
          letterSpacing: 2.5,
          display: 'block',
          lineClamp: 1,
        },
        card.eyebrow,
      ),
      ...(card.badge
        ? [
            div(
              {
                fontSize: 22,
                fontWeight: 600,
                color: COLOR.text,
                border: `2px solid ${COLOR.borderStrong}`,
                borderRadius: 999,
                padding: '6px 20px',
                flexShrink: 0,
              },
              card.badge,
            ),
          ]
        : []),
    ],
  );

  const picture = card.picture;
  const textWidth = picture ? CONTENT_WIDTH - PICTURE_BOX.width - PICTURE_GAP : CONTENT_WIDTH;
  const size = titleSize(card.title, picture !== undefined);
  const title = div(
    {
      marginTop: 34,
      fontSize: size,
      fontWeight: 700,
      lineHeight: 1.1,
      letterSpacing: -size * 0.02,
      color: COLOR.text,
      display: 'block',
      lineClamp: 3,
    },
    card.title,
  );

  const subtitle = card.subtitle
    ? [
        div(
          { marginTop: 20, fontSize: 30, lineHeight: 1.3, color: COLOR.muted, display: 'block', lineClamp: 2 },
          card.subtitle,
        ),
      ]
    : [];

  const chips =
    card.chips.length > 0
      ? [
          div(
            { display: 'flex', gap: CHIP_GAP, marginTop: 24 },
            fitChips(card.chips, textWidth).map((chip) =>
              div(
                {
                  fontSize: CHIP_FONT,
                  fontWeight: 600,
                  color: COLOR.accentStrong,
                  backgroundColor: COLOR.accentSoft,
                  borderRadius: 8,
                  padding: `8px ${CHIP_PAD_X}px`,
                },
                chip,
              ),
            ),
          ),
        ]
      : [];

  const footer = div(
    {
      display: 'flex',
      justifyContent: 'space-between',
      alignItems: 'center',
      marginTop: 28,
      paddingTop: 22,
      borderTop: `2px solid ${COLOR.border}`,
      fontSize: 24,
    },
    [
      div({ fontWeight: 600, color: COLOR.text }, card.author),
      div({ fontWeight: 400, color: COLOR.muted }, card.site),
    ],
  );

  return div(
    {
      width: OG_IMAGE_SIZE.width,
      height: OG_IMAGE_SIZE.height,
      display: 'flex',
      backgroundColor: COLOR.bg,
      fontFamily: 'Inter',
    },
    [
      div({ width: ACCENT_BAR, height: '100%', backgroundColor: COLOR.accent, flexShrink: 0 }),
      div(
        {
          display: 'flex',
          flexDirection: 'column',
          flexGrow: 1,
          padding: `56px ${PAD_X}px 48px`,
        },
        picture
          ? [
              header,
              div({ display: 'flex', flexGrow: 1, gap: PICTURE_GAP, alignItems: 'center' }, [
                div({ display: 'flex', flexDirection: 'column', width: textWidth, height: '100%' }, [
                  title,
                  ...subtitle,
                  div({ flexGrow: 1 }),
                  ...chips,
                ]),
                pictureFrame(picture),
              ]),
              footer,
            ]
          : [header, title, ...subtitle, div({ flexGrow: 1 }), ...chips, footer],
      ),
    ],
  );
}
