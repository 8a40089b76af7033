// Fillers are counted only where they are fillers: hand-made sentences in both languages,
// each with the words that must and must not count.
import { describe, expect, test } from "vitest";
import { countFillers, findFillers } from "../../worker/voice/feedback/fillers";

const found = (text: string, language: "en" | "ko") => findFillers(text, language).map((h) => text.slice(h.start, h.end).toLowerCase());

describe("English fillers", () => {
  test("um and uh always count; like, you know and I mean only where they fill", () => {
    const text = "Um, I like this job. It was, like, really hard, you know? I mean, I did kind of well. What kind of role is it? Do you know what I mean? Uh I would like to try.";
    expect(found(text, "en")).toEqual(["um", "like", "you know", "i mean", "kind of", "uh"]);
  });

  test("a comparison or a verb is not a filler", () => {
    expect(found("It looks like rain. I like it. Something like that would help. They like coffee.", "en")).toEqual([]);
  });

  test("sentence-initial discourse markers count, the same words inside a clause do not", () => {
    expect(found("Actually, I prefer mornings. It actually worked. Basically, we shipped it. Well, that's fair.", "en")).toEqual(["actually", "basically", "well"]);
  });

  test("counts come back most frequent first", () => {
    const hits = findFillers("Um, so, um, I mean, um, yeah, you know.", "en");
    expect(countFillers(hits)).toEqual([
      { word: "um", count: 3 },
      { word: "i mean", count: 1 },
      { word: "you know", count: 1 },
    ]);
  });
});

describe("Korean fillers", () => {
  test("음 and 어 always count; 그, 뭐, 약간 and 이제 only where they fill", () => {
    const text = "음, 저는 그 회사에서 이제 3년 동안 일했어요. 그, 뭐랄까, 약간 좀 힘들었어요. 뭐 먹을래? 이제 끝났어요. 어 그러니까, 제가 이제 팀에서 이제 리드를 했어요.";
    expect(found(text, "ko")).toEqual(["음", "그", "뭐랄까", "약간", "어", "그러니까", "이제", "이제"]);
  });

  test("a demonstrative with its noun, the question word and 'just now' keep their meaning", () => {
    expect(found("그 사람이 저 건물에서 일해요. 뭐 해요? 막 도착했어요. 약간 짜요.", "ko")).toEqual([]);
  });

  test("doubled or next to another filler, a word fills", () => {
    expect(found("그 그 프로젝트는 음 막 그렇게 진행됐어요.", "ko")).toEqual(["그", "그", "음", "막"]);
  });
});
