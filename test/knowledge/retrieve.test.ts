// Retrieval over the knowledge base: the right passages for a question, in the user's
// language first, and nothing for a question with no searchable words.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { parseKnowledgeFile, passageStatements } from "../../worker/knowledge/passages";
import { retrievePassages } from "../../worker/knowledge/retrieve";

const KO = `---
topic: dress-codes
language: ko
---
## 금융권 면접 복장
tags: 면접, 금융, 정장, 네이비, interview

금융권 면접에는 네이비나 차콜 정장에 흰 셔츠가 가장 무난합니다. 구두는 검정이 좋습니다.

## 상견례 복장
tags: 상견례, 단정, 한정식

상견례에서는 차분한 색의 단정한 옷을 입습니다. 좌식 한정식집이라면 짧은 치마는 피하세요.

## 장마철 신발
tags: 장마, 비, 스웨이드, rain

장마철에는 스웨이드와 캔버스 신발을 피하고 가죽이나 고무 소재를 고르세요.
`;

const EN = `---
topic: dress-codes
language: en
---
## Interview outfits for banking
tags: interview, finance, suit, navy, 면접

For a banking interview, a navy or charcoal suit with a white shirt is the safe choice.
`;

beforeAll(async () => {
  const passages = [...parseKnowledgeFile("ko.md", KO), ...parseKnowledgeFile("en.md", EN)];
  await env.DB.batch(passages.flatMap((p) => passageStatements(env.DB, p)));
});

describe("knowledge retrieval", () => {
  it("finds the passage for a Korean question, inside longer words too", async () => {
    const found = await retrievePassages(env.DB, "다음 주 금융권 면접룩 추천해줘", { language: "ko" });
    expect(found[0]?.title).toBe("금융권 면접 복장");
  });

  it("prefers the user's language when both match", async () => {
    const ko = await retrievePassages(env.DB, "면접 정장", { language: "ko" });
    expect(ko[0]?.language).toBe("ko");
    const en = await retrievePassages(env.DB, "interview suit 면접", { language: "en" });
    expect(en[0]?.language).toBe("en");
  });

  it("grounds weather facts", async () => {
    const found = await retrievePassages(env.DB, "비 오는 날 신발", { language: "ko", limit: 1 });
    expect(found[0]?.title).toBe("장마철 신발");
  });

  it("returns nothing for a question without searchable words", async () => {
    expect(await retrievePassages(env.DB, "?!")).toEqual([]);
  });

  it("reports a malformed file with its line", () => {
    expect(() => parseKnowledgeFile("bad.md", "---\ntopic: color\nlanguage: ko\n---\n## 제목\n본문만 있음\n")).toThrow(/bad\.md:6: passage "제목" needs a tags: line/);
    expect(() => parseKnowledgeFile("bad.md", "---\ntopic: cooking\nlanguage: ko\n---\n")).toThrow(/unknown topic/);
  });
});
