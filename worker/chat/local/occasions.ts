// What each occasion asks of an outfit, in the offline stylist's words: the silhouette it
// wants, the quality a piece brings to it, a finishing touch, and a short checklist for the
// day (the knowledge base's dress-code notes, condensed).
import type { TpoTag } from "../../catalog/vocabulary.ts";
import type { Bi } from "./words.ts";

export type OccasionNotes = {
  /** The style analyst's reading of the occasion. */
  asks: Bi;
  /** "…에 맞는 {quality}" / "the {quality}". */
  quality: Bi;
  accessory: Bi;
  /** Three things to check; the last is the one the weather's own item may replace. */
  checklist: { ko: string[]; en: string[] };
};

const OCCASION_NOTES: Record<TpoTag, OccasionNotes> = {
  면접: {
    asks: { ko: "면접은 첫인상에서 많은 것이 정해져서, 몸에 잘 맞고 구김 없는 단정한 실루엣이 가장 중요해요.", en: "An interview is largely decided in the first minute, so a clean, well-fitting silhouette without creases matters most." },
    quality: { ko: "단정함", en: "polish an interview calls for" },
    accessory: { ko: "액세서리는 심플한 시계 하나 정도면 충분해요.", en: "Keep accessories to a simple watch." },
    checklist: {
      ko: ["전날 밤 다림질하고 보풀·먼지 떼기", "구두 앞코 닦고 굽 상태 확인하기", "주머니는 비우고 여분 양말이나 스타킹 챙기기"],
      en: ["press everything and de-lint it the night before", "polish your shoes and check the heels", "empty your pockets and pack spare socks or tights"],
    },
  },
  발표: {
    asks: { ko: "발표 날에는 시선이 옷이 아니라 내용에 가도록, 어깨선이 정돈된 깔끔한 실루엣이 좋아요.", en: "On presentation day you want eyes on your content, so a clean silhouette with a tidy shoulder line works best." },
    quality: { ko: "깔끔함", en: "clean focus a presentation needs" },
    accessory: { ko: "액세서리는 손짓할 때 소리 나지 않는 것으로 골라 주세요.", en: "Pick accessories that don't jangle when you gesture." },
    checklist: {
      ko: ["팔을 들어 보며 셔츠가 빠지지 않는지 확인하기", "밝은 조명이나 카메라 앞에서 색이 번지지 않는지 보기", "마이크를 달 옷깃이나 벨트가 있는지 확인하기"],
      en: ["raise your arms to check nothing untucks", "check the colours under bright light or on camera", "make sure there is a lapel or belt for a mic clip"],
    },
  },
  출근: {
    asks: { ko: "출근룩은 격식과 편안함 사이의 균형이 중요해서, 하루 종일 앉아 있어도 흐트러지지 않는 핏이 좋아요.", en: "Office wear balances polish and comfort: a fit that still looks sharp after a day at your desk." },
    quality: { ko: "격식과 편안함", en: "balance of polish and comfort the office needs" },
    accessory: { ko: "가방은 A4 서류가 들어가는 단정한 토트백이면 좋아요.", en: "A structured tote that fits A4 papers finishes it well." },
    checklist: {
      ko: ["오래 앉아도 구김이 덜한지 확인하기", "출퇴근길에 편한 신발인지 미리 걸어 보기", "냉방에 대비해 얇은 겉옷 챙기기"],
      en: ["check it resists creasing after sitting", "walk in the shoes for your commute first", "bring a light layer for the air-conditioning"],
    },
  },
  상견례: {
    asks: { ko: "상견례는 어른들께 차분하고 예의 바른 인상을 드리는 자리라, 노출 없이 단정하게 떨어지는 실루엣이 좋아요.", en: "Meeting the family is about looking calm and respectful, so choose a modest silhouette that falls neatly." },
    quality: { ko: "차분함", en: "calm, respectful look a family meeting asks for" },
    accessory: { ko: "작은 진주 귀걸이나 심플한 시계 정도가 알맞아요.", en: "Small pearl earrings or a simple watch are plenty." },
    checklist: {
      ko: ["좌식 자리일 수 있으니 앉았을 때 편한 기장인지 확인하기", "구멍 없는 양말이나 스타킹 챙기기", "향수는 은은하게, 액세서리는 작게"],
      en: ["the restaurant may have floor seating: check the length sitting down", "wear socks or tights without holes", "keep perfume faint and jewellery small"],
    },
  },
  하객: {
    asks: { ko: "결혼식 하객룩은 신부보다 튀지 않으면서 화사한 것이 기본이라, 흰색은 피하고 단정한 실루엣을 골랐어요.", en: "As a wedding guest, aim for bright but never upstaging: no white, and a neat silhouette." },
    quality: { ko: "화사함", en: "brightness a wedding calls for" },
    accessory: { ko: "작은 클러치나 크로스백에 은은한 액세서리를 더하세요.", en: "Add a small clutch or crossbody bag and subtle jewellery." },
    checklist: {
      ko: ["흰색·아이보리 아이템이 섞이지 않았는지 확인하기", "사진에 잘 나오도록 구김 펴 두기", "축의금 봉투와 작은 가방 챙기기"],
      en: ["make sure nothing is white or ivory", "steam out creases: there will be photos", "pack the gift envelope and a small bag"],
    },
  },
  소개팅: {
    asks: { ko: "소개팅은 부드럽고 깔끔한 첫인상이 핵심이라, 너무 꾸민 느낌보다 몸에 잘 맞는 스마트 캐주얼이 좋아요.", en: "A blind date is about a soft, clean first impression: well-fitting smart casual beats anything too dressed-up." },
    quality: { ko: "부드러운 첫인상", en: "soft first impression a blind date needs" },
    accessory: { ko: "가방과 액세서리는 작고 심플하게 두면 얼굴에 시선이 가요.", en: "Keep the bag and jewellery small so attention goes to your face." },
    checklist: {
      ko: ["보풀이나 얼룩이 없는지 확인하기", "향수는 한두 번만 가볍게", "오래 걸어도 편한 신발인지 확인하기"],
      en: ["check for lint or stains", "one or two light sprays of perfume at most", "make sure you can walk comfortably in the shoes"],
    },
  },
  데이트: {
    asks: { ko: "데이트룩은 과하지 않게 신경 쓴 느낌이 좋아서, 편하게 움직이면서도 실루엣이 살아 있는 아이템이 좋아요.", en: "A date look should feel effortless but considered: pieces you can move in, with a clear silhouette." },
    quality: { ko: "자연스러운 멋", en: "effortless polish a date calls for" },
    accessory: { ko: "손이 자유로운 크로스백이 데이트에 편해요.", en: "A crossbody bag keeps your hands free." },
    checklist: {
      ko: ["오래 걸어도 편한 신발인지 확인하기", "가방은 가볍고 작게", "장소가 실내인지 야외인지 보고 겉옷 챙기기"],
      en: ["make sure the shoes are fine for walking", "keep the bag small and light", "bring a layer for wherever you'll be"],
    },
  },
  여행: {
    asks: { ko: "여행에서는 오래 걸어도 편하고 구김이 덜한 옷, 일교차에 대비한 레이어드가 중요해요.", en: "On a trip you want pieces that stay comfortable all day, resist creasing and layer for changing temperatures." },
    quality: { ko: "편안함", en: "comfort a trip needs" },
    accessory: { ko: "크로스백이나 백팩으로 손을 자유롭게 두세요.", en: "A crossbody bag or backpack keeps your hands free." },
    checklist: {
      ko: ["구김이 덜한 소재인지 확인하기", "새 신발은 미리 길들여 두기", "일교차에 대비해 겉옷 하나 챙기기"],
      en: ["pack crease-resistant pieces", "break in new shoes before you go", "bring one layer for temperature swings"],
    },
  },
  캠퍼스: {
    asks: { ko: "캠퍼스룩은 하루 종일 편하면서도 센스 있어 보이는 게 포인트예요.", en: "Campus wear should be comfortable all day and still look put-together." },
    quality: { ko: "편안함과 센스", en: "easy, sharp look campus calls for" },
    accessory: { ko: "백팩이나 볼캡으로 가볍게 마무리해도 좋아요.", en: "A backpack or a ball cap finishes it casually." },
    checklist: {
      ko: ["노트북이 들어가는 가방인지 확인하기", "많이 걸어도 편한 신발 신기", "강의실 냉난방에 대비해 겉옷 챙기기"],
      en: ["make sure your bag fits a laptop", "wear shoes you can walk in all day", "bring a layer for lecture-hall air-conditioning"],
    },
  },
  데일리: {
    asks: { ko: "데일리룩은 어디에나 무난하게 어울리는 기본 실루엣이 가장 오래 입혀요.", en: "For everyday wear, basic silhouettes that work anywhere get worn the most." },
    quality: { ko: "활용도", en: "versatility everyday wear needs" },
    accessory: { ko: "토트백이나 크로스백 하나면 충분해요.", en: "One everyday tote or crossbody bag is enough." },
    checklist: {
      ko: ["가지고 있는 옷과 세 가지 이상 조합되는지 떠올려 보기", "세탁이 쉬운 소재인지 확인하기", "많이 걸어도 편한 신발 고르기"],
      en: ["picture three outfits it makes with what you own", "check it is easy to wash", "choose shoes you can walk in"],
    },
  },
  파티: {
    asks: { ko: "파티에서는 실루엣이나 소재에 은은한 존재감이 있는 아이템이 돋보여요.", en: "At a party, a silhouette or fabric with a little presence stands out." },
    quality: { ko: "존재감", en: "presence a party calls for" },
    accessory: { ko: "포인트 귀걸이나 작은 클러치 하나로 충분해요.", en: "One statement earring or a small clutch is enough." },
    checklist: {
      ko: ["조명 아래에서 소재 광택 확인하기", "오래 서 있어도 편한 신발인지 확인하기", "작은 가방에 립과 휴대폰만 챙기기"],
      en: ["check the fabric's sheen under low light", "make sure you can stand in the shoes for hours", "carry a small bag with just the essentials"],
    },
  },
  운동: {
    asks: { ko: "운동할 때는 움직임이 자유롭고 땀이 잘 마르는 옷이 먼저예요.", en: "For a workout, freedom of movement and quick-drying fabric come first." },
    quality: { ko: "활동성", en: "freedom of movement a workout needs" },
    accessory: { ko: "볼캡이나 가벼운 가방 정도면 충분해요.", en: "A cap and a light bag are all you need." },
    checklist: {
      ko: ["땀 흡수가 잘 되는 이너 입기", "쿠션 있는 운동화 신기", "갈아입을 옷 챙기기"],
      en: ["wear a sweat-wicking base layer", "choose cushioned trainers", "pack a change of clothes"],
    },
  },
  아웃도어: {
    asks: { ko: "등산이나 아웃도어 활동은 체온 조절이 쉬운 레이어드와 바람을 막는 겉옷이 기본이에요.", en: "Outdoors, layers you can adjust and a shell against the wind are the basics." },
    quality: { ko: "기능성", en: "practicality the outdoors needs" },
    accessory: { ko: "볼캡과 작은 백팩을 챙기세요.", en: "Bring a cap and a small backpack." },
    checklist: {
      ko: ["면 대신 빨리 마르는 소재로 입기", "바람막이 하나 챙기기", "발목을 잡아 주는 신발 신기"],
      en: ["wear quick-dry fabrics rather than cotton", "pack a windbreaker", "wear shoes that support your ankles"],
    },
  },
};

/** When no occasion was named: everyday notes, said as such. */
const ANY_OCCASION: OccasionNotes = {
  ...OCCASION_NOTES.데일리,
  asks: { ko: "어떤 자리인지 말씀이 없어서, 어디에나 무난하게 어울리는 기본 실루엣으로 골랐어요.", en: "You didn't name the occasion, so I went for basic silhouettes that work almost anywhere." },
};

export const notesFor = (occasion: TpoTag | null): OccasionNotes => (occasion ? OCCASION_NOTES[occasion] : ANY_OCCASION);
