// The fitting coordinator's voice: "here is the one outfit", each piece by name and price,
// which expert chose what (and where they agreed), why the pieces belong together, how to
// wear them, and a short checklist for the day.
import type { PublicProduct } from "../../catalog/products.ts";
import { STYLE_TAGS, type Subcategory } from "../../catalog/vocabulary.ts";
import type { ExpertBrief } from "../brief.ts";
import { EXPERTS, type PanelExpertId } from "../experts.ts";
import { colorHarmony } from "./color.ts";
import { constraintLines, occasionTerms, quoteNote } from "./facts.ts";
import { josa } from "./josa.ts";
import { notesFor } from "./occasions.ts";
import { CATEGORY_LABEL, dotted, itemName, list, OCCASION, subName, vary, won } from "./words.ts";

const SKIRTS: Subcategory[] = ["pencil_skirt", "a_line_skirt", "pleated_skirt"];

/** Who chose what: pieces several experts agreed on first, then each expert's own, then what was searched for. */
function credits(brief: ExpertBrief): string[] {
  const lang = brief.language;
  const ko = lang === "ko";
  const by = brief.picks.map((p) => ({ p, experts: brief.peers.filter((peer) => peer.products.some((x) => x.product_id === p.product_id)).map((peer) => peer.expert) }));
  const agreed = by.filter((c) => c.experts.length >= 2);
  const found = by.filter((c) => c.experts.length === 0);
  const own = brief.peers
    .map((peer) => ({ name: EXPERTS[peer.expert].name[lang], items: by.filter((c) => c.experts.length === 1 && c.experts[0] === peer.expert).map((c) => itemName(c.p, lang)) }))
    .filter((x) => x.items.length);
  const names = (ids: PanelExpertId[]) => list(ids.map((id) => `${ko ? "" : "the "}${EXPERTS[id].name[lang]}`), lang);
  if (brief.picks.length === 1) {
    const [only] = by;
    if (!only!.experts.length) return [ko ? "전문가들의 추천이 조건에 맞지 않아 카탈로그에서 새로 찾았어요." : "The panel's picks didn't fit every condition, so I searched the catalog again."];
    return [ko ? `${names(only!.experts)}의 추천 가운데 자리에 가장 잘 맞는 것으로 골랐어요.` : `It's from ${names(only!.experts)}'s suggestions, the one that best fits the occasion.`];
  }
  const agreedItems = list(agreed.map((c) => itemName(c.p, lang)), lang);
  const agreement =
    agreed.length === 1
      ? ko
        ? `${josa(agreedItems, "은/는")} ${josa(names(agreed[0]!.experts), "이/가")} 모두 고른 아이템이라 중심에 두었어요.`
        : `${agreedItems} was chosen by ${names(agreed[0]!.experts)} alike, so it anchors the outfit.`
      : agreed.length > 1
        ? ko
          ? `${josa(agreedItems, "은/는")} 여러 전문가가 함께 고른 아이템이라 중심에 두었어요.`
          : `${agreedItems} were each chosen by more than one expert, so they anchor the outfit.`
        : null;
  return [
    agreement,
    own.length
      ? ko
        ? `${own.map((x) => `${x.name}에게서는 ${josa(list(x.items, "ko"), "을/를")}`).join(", ")} 가져와 ${agreed.length ? "더했어요" : "한 벌로 묶었어요"}.`
        : `${agreed.length ? "Alongside" : "From the panel"}: ${own.map((x) => `from the ${x.name}, ${list(x.items, "en")}`).join("; ")}.`
      : null,
    found.length ? (ko ? `${josa(list(found.map((c) => itemName(c.p, "ko")), "ko"), "은/는")} 한 벌을 완성하려고 카탈로그에서 새로 찾았어요.` : `I found ${list(found.map((c) => itemName(c.p, "en")), "en")} in the catalog to complete the look.`) : null,
  ].filter((x): x is string => x !== null);
}

function sharedStyle(brief: ExpertBrief): string | null {
  const [a, b] = brief.picks;
  if (!a || !b) return null;
  const shared = a.style_tags.filter((t) => b.style_tags.includes(t));
  if (!shared.length) return null;
  return brief.language === "ko" ? `두 아이템 모두 ${dotted(shared, "ko")} 무드라 자연스럽게 이어져요.` : `Both share a ${list(shared.map((s) => STYLE_TAGS[s]), "en")} feel, so they read as one look.`;
}

function howToWear(brief: ExpertBrief): string {
  const ko = brief.language === "ko";
  const of = (c: PublicProduct["category"]) => brief.picks.find((p) => p.category === c);
  const [top, bottom, dress, outer, shoes] = [of("top"), of("bottom"), of("dress"), of("outer"), of("shoes")];
  const tips: string[] = [];
  if (top && bottom) {
    const below = SKIRTS.includes(bottom.subcategory as Subcategory) ? (ko ? "치마" : "skirt") : ko ? "바지" : "trousers";
    if (top.subcategory === "shirt" || top.subcategory === "blouse") tips.push(ko ? `${josa(subName(top.subcategory, "ko"), "은/는")} ${below} 안에 넣어 입어 허리선을 살려 주세요.` : `Tuck the ${subName(top.subcategory, "en")} into the ${below} to show your waistline.`);
    else if (top.subcategory === "knit" || top.subcategory === "polo") tips.push(ko ? `${josa(subName(top.subcategory, "ko"), "은/는")} 앞부분만 살짝 넣어 허리선을 보여 주세요.` : `Half-tuck the front of the ${subName(top.subcategory, "en")} to keep a waistline.`);
    else if (top.subcategory === "cardigan") tips.push(ko ? "카디건은 단추를 채워 상의처럼 단정하게 입어 주세요." : "Button the cardigan up and wear it as a top.");
    else tips.push(ko ? "상의는 밖으로 자연스럽게 빼 입어도 좋아요." : "Wear the top loose over the waistband.");
  }
  if (dress) tips.push(ko ? "원피스는 허리 라인을 살려 입어 주세요." : "Wear the dress with its waist defined.");
  if (outer) tips.push(ko ? `${josa(subName(outer.subcategory, "ko"), "은/는")} 앞을 열어 걸치면 세로선이 생겨 더 길어 보여요.` : `Wear the ${subName(outer.subcategory, "en")} open for a long vertical line.`);
  if (shoes && brief.picks.length > 1) tips.push(ko ? `신발은 ${josa(itemName(shoes, "ko"), "으로/로")} 마무리하세요.` : `Finish with ${itemName(shoes, "en")}.`);
  tips.push(notesFor(brief.intent.occasion).accessory[brief.language]);
  return tips.join(" ");
}

/** The weather's own item replaces the occasion's last one ("냉방에 대비해…" makes no sense at -10°). */
const WEATHER_CHECK: Record<"rain" | "cold" | "hot", { ko: string; en: string }> = {
  rain: { ko: "우산과 물에 강한 신발 챙기기, 젖으면 갈아 신을 양말도", en: "take an umbrella, water-resistant shoes and spare socks" },
  cold: { ko: "두꺼운 아우터와 목도리로 체온 지키기", en: "wear a warm coat and a scarf" },
  hot: { ko: "땀 자국이 덜 보이는 이너 입고 손수건 챙기기", en: "wear an undershirt that hides sweat and carry a handkerchief" },
};

function checklist(brief: ExpertBrief): string {
  const lang = brief.language;
  const notes = notesFor(brief.intent.occasion);
  const { weather } = brief.intent;
  const extra = weather.rain ? WEATHER_CHECK.rain : weather.cold ? WEATHER_CHECK.cold : weather.hot ? WEATHER_CHECK.hot : null;
  const items = extra ? [...notes.checklist[lang].slice(0, 2), extra[lang]] : notes.checklist[lang];
  const occasion = brief.intent.occasion ? OCCASION[brief.intent.occasion][lang] : null;
  if (lang === "ko") return [`${occasion ? `${occasion} 전` : "나가기 전"} 체크리스트`, ...items.map((c, i) => `${"①②③"[i]} ${c}`)].join("\n");
  return [`Before your ${occasion ?? "day"}:`, ...items.map((c, i) => `(${i + 1}) ${c[0]!.toUpperCase()}${c.slice(1)}.`)].join("\n");
}

export function writeCoordinator(brief: ExpertBrief, seed: number): string {
  const lang = brief.language;
  const occasion = brief.intent.occasion ? OCCASION[brief.intent.occasion][lang] : null;
  // Asked for one kind of thing ("면접 구두 추천해줘"): the one best piece, not an outfit.
  const single = brief.intent.categories.length === 1 ? CATEGORY_LABEL[brief.intent.categories[0]!][lang] : null;
  const heading =
    lang === "ko"
      ? single
        ? `${occasion ? `${occasion}용 ` : ""}${josa(single, "은/는")} 이것 하나로 정했어요:`
        : vary(seed, 5, [`세 전문가의 의견을 모아 ${occasion ? `${josa(occasion, "을/를")} 위한 ` : ""}코디를 딱 하나로 정했어요:`, `${occasion ? `${occasion}에는 ` : ""}이 한 벌로 가세요:`])
      : single
        ? `Here's the one ${single === "shoes" ? "pair of shoes" : single}${occasion ? ` for your ${occasion}` : ""}:`
        : `Here's the one outfit${occasion ? ` for your ${occasion}` : ""}:`;
  const lines = brief.picks.map((p) => `· ${CATEGORY_LABEL[p.category][lang]} — ${itemName(p, lang)} (${won(p.price, lang)})`);
  const why = [...credits(brief), ...(brief.picks.length > 1 ? [colorHarmony(brief.picks, lang), sharedStyle(brief)] : [])].filter(Boolean).join(" ");
  const quote = quoteNote(brief, ["dress-codes", "fabric-weather"], occasionTerms(brief), seed);
  return [[heading, ...lines].join("\n"), why, [howToWear(brief), quote].filter(Boolean).join(" "), checklist(brief), constraintLines(brief).join(" ")].filter(Boolean).join("\n\n");
}
