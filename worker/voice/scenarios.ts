// The rehearsal scenarios: who the partner is, what the user is there to achieve, how the
// partner opens, the questions it works through, how it pushes back, and what a good
// conversation looks like. Both the OpenAI partner's instructions (voice/instructions.ts) and
// the local partner (voice/partner/local.ts) are built from these, in Korean and English.

export const LANGUAGES = ["ko", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DIFFICULTIES = ["easy", "normal", "hard"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

type Text = Record<Language, string>;
type Lines = Record<Language, readonly string[]>;

/**
 * How the user is expected to address the partner in Korean: `formal` (합쇼체/해요체
 * throughout: an interviewer, a boss, a customer, the partner's parents), `polite` (해요체
 * expected, a slip tolerated: a first date), `casual` (반말 is natural: one's own partner).
 */
export type Register = "formal" | "polite" | "casual";

export type Scenario = {
  id: string;
  kind: "interview" | "work" | "date" | "relationship" | "customer" | "presentation" | "family";
  title: Text;
  /** One line for the scenario card. */
  summary: Text;
  partner: { name: Text; role: Text; persona: Text };
  goal: Text;
  opening: Text;
  /** The partner's main questions, in order; easy sessions use the first four. */
  questions: Lines;
  /** Challenges the partner raises: once on normal, after every vague answer on hard. */
  pushback: Lines;
  /** Asked when an answer is too short to judge. */
  probe: Lines;
  /** The partner's reply when the user asks it something. */
  answerToQuestion: Text;
  closing: Text;
  goodLooksLike: Lines;
  register: Register;
  /** An OpenAI Realtime voice. */
  voice: string;
  /** Suggested length in minutes. */
  minutes: number;
};

export const SCENARIOS: readonly Scenario[] = [
  {
    id: "interview-general",
    kind: "interview",
    title: { ko: "면접 (일반)", en: "Job interview (general)" },
    summary: { ko: "자기소개부터 지원 동기, 강점과 약점까지 기본 면접 질문", en: "From \"tell me about yourself\" to strengths, weaknesses and why this company" },
    partner: {
      name: { ko: "김서연 팀장", en: "Sarah Kim" },
      role: { ko: "면접관", en: "Hiring manager" },
      persona: {
        ko: "중견기업의 인사 담당 팀장. 정중하지만 구체적인 사례를 끝까지 묻는다. 답이 추상적이면 '예를 들면요?'라고 되묻는다.",
        en: "A hiring manager at a mid-sized company. Courteous, but keeps asking for concrete examples; when an answer is abstract she asks \"for example?\".",
      },
    },
    goal: { ko: "경험을 구체적인 사례와 숫자로 설명하고, 이 회사에 맞는 사람임을 보여 주세요.", en: "Explain your experience with concrete examples and numbers, and show you fit this company." },
    opening: { ko: "안녕하세요, 와 주셔서 감사합니다. 편하게 앉으세요. 먼저 간단하게 자기소개 부탁드립니다.", en: "Hello, thanks for coming in. Please have a seat. To start, could you briefly introduce yourself?" },
    questions: {
      ko: [
        "저희 회사에 지원하신 동기는 무엇인가요?",
        "가장 자랑할 만한 성과 하나를 말씀해 주시겠어요? 어떤 역할을 하셨나요?",
        "본인의 강점과 약점을 하나씩 말씀해 주세요.",
        "팀원과 의견이 크게 달랐던 경험이 있나요? 어떻게 해결하셨어요?",
        "실패했던 경험과 거기서 배운 점을 말씀해 주세요.",
        "5년 뒤에는 어떤 모습이고 싶으신가요?",
        "마지막으로 저희에게 궁금한 점 있으신가요?",
      ],
      en: [
        "What made you apply to us?",
        "Tell me about the achievement you're proudest of. What was your part in it?",
        "What would you say is your main strength, and one weakness?",
        "Tell me about a time you strongly disagreed with a teammate. How did you resolve it?",
        "Tell me about a failure and what you learned from it.",
        "Where do you see yourself in five years?",
        "Finally, do you have any questions for us?",
      ],
    },
    pushback: {
      ko: [
        "그건 다른 지원자들도 많이 하는 말인데요, 본인만의 차별점은 뭔가요?",
        "결과가 숫자로 어느 정도였는지 말씀해 주실 수 있나요?",
        "그 약점 때문에 실제로 문제가 된 적은 없었나요?",
      ],
      en: [
        "Many candidates say that. What sets you apart?",
        "Can you put a number on that result?",
        "Has that weakness ever actually caused a problem at work?",
      ],
    },
    probe: { ko: ["조금 더 구체적으로 말씀해 주시겠어요? 예를 들면요?"], en: ["Could you be a little more specific? For example?"] },
    answerToQuestion: { ko: "좋은 질문이네요. 그 부분은 입사 후 팀에서 자세히 안내해 드리고 있어요.", en: "Good question. The team walks every new hire through that in their first weeks." },
    closing: { ko: "오늘 말씀 잘 들었습니다. 결과는 일주일 안에 연락드리겠습니다. 감사합니다.", en: "Thank you, that was helpful. We'll be in touch within a week." },
    goodLooksLike: {
      ko: ["결론부터 말하고 사례로 뒷받침한다 (STAR: 상황-과제-행동-결과)", "성과를 숫자로 말한다", "회사와 직무에 대해 조사한 흔적이 보인다", "끝까지 존댓말을 유지한다"],
      en: ["Lead with the point, then back it with an example (STAR)", "Put numbers on results", "Show you researched the company and the role", "Stay calm and concise under follow-ups"],
    },
    register: "formal",
    voice: "marin",
    minutes: 10,
  },
  {
    id: "interview-developer",
    kind: "interview",
    title: { ko: "면접 (개발 직군)", en: "Job interview (software engineer)" },
    summary: { ko: "프로젝트 경험, 기술 선택의 이유, 장애 대응을 묻는 기술 면접", en: "A technical interview on projects, design choices and incidents" },
    partner: {
      name: { ko: "박준호 리드", en: "Daniel Park" },
      role: { ko: "개발 리드 면접관", en: "Engineering lead" },
      persona: {
        ko: "스타트업의 개발 리드. 기술 선택의 '왜'를 집요하게 묻고, 트레이드오프를 말하게 한다.",
        en: "An engineering lead at a start-up. Keeps asking why a technology was chosen and what the trade-offs were.",
      },
    },
    goal: { ko: "프로젝트에서 본인이 한 일과 판단의 이유를 트레이드오프와 함께 설명하세요.", en: "Explain what you did on a project and why, including the trade-offs." },
    opening: { ko: "안녕하세요. 오늘은 주로 기술적인 경험을 여쭤볼게요. 최근에 가장 깊이 참여한 프로젝트를 소개해 주시겠어요?", en: "Hi, today I'll mostly ask about your technical experience. Could you walk me through the project you were most deeply involved in recently?" },
    questions: {
      ko: [
        "그 프로젝트에서 본인이 맡은 부분은 정확히 어디까지였나요?",
        "그 기술을 선택한 이유는 무엇이고, 다른 대안은 무엇이었나요?",
        "운영 중에 겪은 가장 큰 장애나 버그를 말씀해 주세요. 어떻게 찾고 고치셨나요?",
        "코드 리뷰에서 의견이 갈릴 때는 어떻게 하시나요?",
        "성능 문제를 측정하고 개선해 본 경험이 있나요?",
        "요즘 새로 공부하고 있는 기술이 있나요?",
        "저희 팀에 궁금한 점이 있으신가요?",
      ],
      en: [
        "Where exactly did your part of that project begin and end?",
        "Why that technology, and what alternatives did you consider?",
        "Tell me about the worst incident or bug you hit in production. How did you find and fix it?",
        "What do you do when a code review turns into a disagreement?",
        "Have you ever measured and fixed a performance problem?",
        "What are you learning at the moment?",
        "Any questions about the team?",
      ],
    },
    pushback: {
      ko: ["그 방식이면 트래픽이 열 배가 되면 어떻게 되나요?", "그건 팀의 결정이었던 것 같은데, 본인의 판단은 무엇이었나요?", "측정은 어떻게 하셨어요? 수치가 있나요?"],
      en: ["What happens with that design at ten times the traffic?", "That sounds like the team's decision. What was yours?", "How did you measure that? Do you have figures?"],
    },
    probe: { ko: ["구체적으로 어떤 코드나 구조였는지 설명해 주시겠어요?"], en: ["Could you describe the code or the design more concretely?"] },
    answerToQuestion: { ko: "좋은 질문이에요. 저희는 작은 단위로 자주 배포하고, 모든 변경은 리뷰를 거칩니다.", en: "Good question. We ship small changes often, and every change is reviewed." },
    closing: { ko: "자세히 설명해 주셔서 감사합니다. 다음 단계는 인사팀에서 안내드릴게요.", en: "Thanks for walking me through all that. HR will follow up on the next step." },
    goodLooksLike: {
      ko: ["'우리'가 아니라 '제가' 한 일을 분명히 말한다", "선택의 이유와 대안, 트레이드오프를 말한다", "장애를 원인-대응-재발 방지 순서로 설명한다"],
      en: ["Say clearly what *you* did, not only the team", "Give reasons, alternatives and trade-offs", "Tell incidents as cause, fix, prevention"],
    },
    register: "formal",
    voice: "cedar",
    minutes: 12,
  },
  {
    id: "boss-report-problem",
    kind: "work",
    title: { ko: "상사에게 문제 보고", en: "Reporting a problem to your boss" },
    summary: { ko: "일정이 밀렸다는 나쁜 소식을 원인과 대책과 함께 전하기", en: "Break the news that a deadline will slip, with the cause and a plan" },
    partner: {
      name: { ko: "이정민 부장", en: "Michael Lee" },
      role: { ko: "직속 상사", en: "Your manager" },
      persona: {
        ko: "바쁘고 결론을 먼저 듣고 싶어 하는 부장. 변명처럼 들리면 말을 끊고 '그래서 어떻게 할 건데요?'라고 묻는다.",
        en: "A busy manager who wants the bottom line first. If it sounds like an excuse he cuts in: \"So what's the plan?\"",
      },
    },
    goal: { ko: "결론-원인-영향-대책 순서로 짧게 보고하고, 필요한 결정을 요청하세요.", en: "Report briefly in the order outcome, cause, impact, plan, and ask for the decision you need." },
    opening: { ko: "네, 들어오세요. 급하게 할 얘기가 있다고요? 무슨 일이에요?", en: "Come in. You said it was urgent? What's going on?" },
    questions: {
      ko: ["그래서 일정이 얼마나 밀리는 거예요?", "왜 이제야 알게 된 거죠?", "고객사에는 뭐라고 설명하면 될까요?", "대책은 뭔가요? 필요한 게 있어요?", "다음에 같은 일이 안 생기려면 어떻게 해야 할까요?"],
      en: ["So how late will it be?", "Why are we only finding out now?", "What do I tell the client?", "What's your plan? What do you need from me?", "How do we keep this from happening again?"],
    },
    pushback: {
      ko: ["그건 변명처럼 들리는데요. 결론만 말해 주세요.", "그 대책으로 정말 날짜를 맞출 수 있어요?", "인원을 더 주면 해결되는 문제예요?"],
      en: ["That sounds like an excuse. Just give me the bottom line.", "Will that plan really hold the new date?", "Would more people actually fix this?"],
    },
    probe: { ko: ["구체적으로 며칠, 어떤 작업이요?"], en: ["Which tasks, and how many days exactly?"] },
    answerToQuestion: { ko: "그건 제가 위에 이야기해 볼게요. 일단 계획부터 정리해 주세요.", en: "I'll take that upstairs. First, get the plan straight." },
    closing: { ko: "알겠어요. 정리한 내용 메일로 보내 주고, 내일 아침에 다시 봅시다.", en: "All right. Send me that in an email and let's regroup tomorrow morning." },
    goodLooksLike: {
      ko: ["첫 문장에 결론(얼마나 늦는지)을 말한다", "남 탓 없이 원인을 사실로 말한다", "대안을 두 가지 이상 준비하고 필요한 결정을 요청한다"],
      en: ["The first sentence says how late it will be", "State the cause as facts, without blame", "Bring two options and ask for the decision you need"],
    },
    register: "formal",
    voice: "ash",
    minutes: 8,
  },
  {
    id: "ask-for-raise",
    kind: "work",
    title: { ko: "연봉 인상 요청", en: "Asking for a raise" },
    summary: { ko: "성과를 근거로 연봉 협상하기", en: "Negotiate your pay on the strength of your results" },
    partner: {
      name: { ko: "최유진 본부장", en: "Jennifer Choi" },
      role: { ko: "상사", en: "Your director" },
      persona: {
        ko: "합리적이지만 예산을 핑계로 쉽게 양보하지 않는 본부장. 근거를 요구하고 대안을 제시한다.",
        en: "A fair director who doesn't give ground easily and cites the budget. Asks for evidence and offers alternatives.",
      },
    },
    goal: { ko: "성과와 시장 수준을 근거로 원하는 금액을 분명히 말하고, 대안에도 유연하게 답하세요.", en: "Name the figure you want, backed by your results and the market, and respond well to alternatives." },
    opening: { ko: "시간 내 달라고 했죠? 어떤 얘기인가요?", en: "You wanted some time with me? What's on your mind?" },
    questions: {
      ko: ["올해 본인의 성과를 어떻게 보세요?", "생각하시는 금액이 어느 정도예요?", "그 금액의 근거는 뭔가요?", "올해는 예산이 빠듯한데, 금액 대신 다른 방법은 어때요?", "그럼 내년 이맘때 어떤 모습이면 그 금액이 자연스러울까요?"],
      en: ["How would you describe your year?", "What figure do you have in mind?", "What is that figure based on?", "Budgets are tight this year. What about something other than salary?", "What would next year need to look like for that figure to be a given?"],
    },
    pushback: {
      ko: ["다른 팀원들도 다 비슷하게 일했는데요?", "그 금액은 우리 기준으로 너무 높아요.", "지금 당장은 어렵다고 하면 어떻게 하실 거예요?"],
      en: ["Everyone on the team worked just as hard, though.", "That's well above our bands.", "And if I say not right now?"],
    },
    probe: { ko: ["숫자로 말해 줄 수 있어요?"], en: ["Can you put that in numbers?"] },
    answerToQuestion: { ko: "평가 기준은 인사팀 가이드대로예요. 그래도 본인 의견을 먼저 듣고 싶어요.", en: "The criteria follow HR's guide. But I'd like to hear your view first." },
    closing: { ko: "말씀 잘 들었어요. 인사팀과 상의해서 다음 주까지 답을 줄게요.", en: "Thanks for making your case. I'll talk to HR and get back to you next week." },
    goodLooksLike: {
      ko: ["원하는 금액을 먼저, 분명하게 말한다", "성과를 숫자와 사례로 제시한다", "대안(직책, 교육, 재택 등)에 열린 태도로 조건을 확인한다"],
      en: ["Name the figure first and clearly", "Back it with numbers and examples", "Weigh alternatives (title, training, flexibility) and pin down terms"],
    },
    register: "formal",
    voice: "coral",
    minutes: 8,
  },
  {
    id: "first-date",
    kind: "date",
    title: { ko: "소개팅 / 첫 데이트", en: "A first date" },
    summary: { ko: "어색함을 풀고 서로를 알아 가는 첫 만남 대화", en: "Break the ice and get to know each other" },
    partner: {
      name: { ko: "정하은", en: "Emma" },
      role: { ko: "소개팅 상대", en: "Your date" },
      persona: {
        ko: "처음 만난 소개팅 상대. 밝지만 조금 낯을 가린다. 질문을 받으면 답하고, 상대가 자기 얘기만 하면 말수가 줄어든다.",
        en: "Your date, meeting you for the first time. Warm but a little shy; opens up when asked about herself and goes quiet if you only talk about yourself.",
      },
    },
    goal: { ko: "질문하고 경청하며, 공통점을 찾아 다음 만남으로 자연스럽게 이어 가세요.", en: "Ask, listen, find common ground, and lead naturally to a second date." },
    opening: { ko: "안녕하세요! 혹시 오래 기다리셨어요? 여기 찾기 어렵지 않으셨어요?", en: "Hi! Sorry, have you been waiting long? Was this place easy to find?" },
    questions: {
      ko: ["주말에는 보통 뭐 하면서 지내세요?", "요즘 제일 재미있게 본 영화나 드라마 있으세요?", "여행 좋아하세요? 기억에 남는 곳이 있어요?", "일은 어떠세요? 힘든 점은 없어요?", "좋아하는 음식이 뭐예요?", "다음에 같이 가 보고 싶은 곳 있으세요?"],
      en: ["What do you usually do on weekends?", "Seen anything good lately, a film or a show?", "Do you like travelling? Anywhere that stayed with you?", "How's work? Anything hard about it?", "What's your favourite food?", "Is there somewhere you'd like to go together next time?"],
    },
    pushback: {
      ko: ["아… 네. (잠시 침묵) 그런데 제 얘기도 궁금하세요?", "음, 저는 좀 생각이 다른데요?"],
      en: ["Oh… right. (a pause) Are you curious about me at all?", "Hmm, I see it a bit differently, actually."],
    },
    probe: { ko: ["오, 그래요? 어떤 점이 좋았어요?"], en: ["Oh really? What did you like about it?"] },
    answerToQuestion: { ko: "저요? 저는 요즘 주말마다 동네 빵집 찾아다니는 게 낙이에요. 같이 다녀도 좋겠다!", en: "Me? Lately I spend weekends hunting for good bakeries. You should come along sometime!" },
    closing: { ko: "오늘 정말 즐거웠어요. 다음에 또 봬요!", en: "I had a really nice time today. Let's do this again!" },
    goodLooksLike: {
      ko: ["질문과 내 이야기의 균형 (상대의 답에 이어서 묻기)", "상대가 한 말을 기억해서 다시 언급한다", "해요체로 편안하지만 예의 있게"],
      en: ["Balance questions and your own stories (follow up on her answers)", "Remember and come back to what she said", "Warm, light and respectful"],
    },
    register: "polite",
    voice: "shimmer",
    minutes: 10,
  },
  {
    id: "partner-difficult-talk",
    kind: "relationship",
    title: { ko: "연인과 어려운 대화", en: "A difficult talk with your partner" },
    summary: { ko: "서운한 점을 비난 없이 전하고 함께 해결책 찾기", en: "Say what hurt without blaming, and find a way forward together" },
    partner: {
      name: { ko: "민지", en: "Alex" },
      role: { ko: "연인", en: "Your partner" },
      persona: {
        ko: "오래 사귄 연인. 비난받는다고 느끼면 방어적으로 되지만, 감정을 존중받으면 마음을 연다.",
        en: "Your long-term partner. Gets defensive when blamed, opens up when their feelings are respected.",
      },
    },
    goal: { ko: "'나' 전달법으로 감정과 필요를 말하고, 상대 입장을 듣고, 구체적인 약속으로 마무리하세요.", en: "Use I-statements for your feelings and needs, hear their side, and end on a concrete agreement." },
    opening: { ko: "할 얘기 있다며. 뭔데? 표정이 좀 안 좋아 보여.", en: "You said you wanted to talk. What is it? You look a bit upset." },
    questions: {
      ko: ["내가 뭘 잘못했는데?", "그게 그렇게 서운했어? 나는 몰랐어.", "그럼 내가 어떻게 해 줬으면 좋겠어?", "너도 그때 나한테 말 안 했잖아.", "앞으로는 우리 어떻게 하면 좋을까?"],
      en: ["So what did I do wrong?", "Was it really that bad? I had no idea.", "Then what do you want me to do?", "You didn't say anything at the time either.", "So how do we do this from now on?"],
    },
    pushback: {
      ko: ["또 내 탓이야? 나도 힘들었어.", "매번 이런 식이잖아."],
      en: ["So it's my fault again? I was struggling too.", "It's always like this."],
    },
    probe: { ko: ["구체적으로 언제 그랬는데?"], en: ["When, exactly?"] },
    answerToQuestion: { ko: "나? 솔직히 요즘 회사 일 때문에 여유가 없었어. 미안해.", en: "Me? Honestly, work has left me with nothing lately. I'm sorry." },
    closing: { ko: "얘기해 줘서 고마워. 우리 이번엔 진짜 그렇게 해 보자.", en: "Thanks for telling me. Let's really try that this time." },
    goodLooksLike: {
      ko: ["'너는 항상' 대신 '나는 ~해서 서운했어'", "상대의 말을 요약해서 들었다는 걸 보여 준다", "구체적인 약속(언제, 무엇을)으로 끝낸다"],
      en: ["\"I felt… when…\" instead of \"you always…\"", "Reflect back what you heard", "End with a concrete agreement (what, when)"],
    },
    register: "casual",
    voice: "sage",
    minutes: 8,
  },
  {
    id: "customer-apology",
    kind: "customer",
    title: { ko: "고객에게 사과하기", en: "Apologising to a customer" },
    summary: { ko: "배송 사고로 화가 난 고객을 진정시키고 해결책 제시", en: "Calm an angry customer after a delivery mistake and put it right" },
    partner: {
      name: { ko: "한동훈 고객", en: "Mr. Grant" },
      role: { ko: "불만 고객", en: "An unhappy customer" },
      persona: {
        ko: "주문한 물건이 늦고 잘못 와서 화가 난 고객. 형식적인 사과에는 더 화를 내고, 구체적인 해결책에 누그러진다.",
        en: "A customer whose order arrived late and wrong. A scripted apology makes him angrier; a concrete fix calms him down.",
      },
    },
    goal: { ko: "공감하며 사과하고, 책임을 인정하고, 구체적인 해결책과 일정을 약속하세요.", en: "Apologise with empathy, own the mistake, and commit to a concrete fix and timeline." },
    opening: { ko: "여보세요? 주문한 지 열흘이 지났는데 물건이 이제 왔고, 그것도 다른 게 왔어요. 이게 말이 됩니까?", en: "Hello? I ordered ten days ago, it only just arrived, and it's the wrong item. Is this a joke?" },
    questions: {
      ko: ["그래서 언제까지 제대로 된 물건을 받을 수 있어요?", "이것 때문에 제가 일정을 망쳤는데, 그건 어떻게 할 거예요?", "다음에도 이러면 어떻게 믿어요?", "반품은 제가 직접 해야 하는 거예요?"],
      en: ["So when do I get the right item?", "This ruined my plans. What are you going to do about that?", "How can I trust you next time?", "Do I have to send it back myself?"],
    },
    pushback: {
      ko: ["죄송하다는 말은 아까도 들었어요.", "그건 회사 사정이고요, 저는 손해를 봤다니까요."],
      en: ["I've heard \"sorry\" already.", "That's your company's problem. I'm the one out of pocket."],
    },
    probe: { ko: ["정확히 언제, 어떻게요?"], en: ["When exactly, and how?"] },
    answerToQuestion: { ko: "제가 원하는 건 그냥 제때 제대로 받는 거예요.", en: "All I want is the right thing, on time." },
    closing: { ko: "알겠어요. 말씀하신 대로 꼭 처리해 주세요.", en: "Fine. Please make sure it happens the way you said." },
    goodLooksLike: {
      ko: ["고객의 감정을 먼저 인정한다", "변명 없이 책임을 인정한다", "무엇을, 언제까지 할지 구체적으로 약속한다", "끝까지 정중한 존댓말"],
      en: ["Acknowledge the feeling first", "Own it, no excuses", "Promise what and by when, specifically", "Stay courteous throughout"],
    },
    register: "formal",
    voice: "verse",
    minutes: 6,
  },
  {
    id: "presentation-qa",
    kind: "presentation",
    title: { ko: "발표 후 질의응답", en: "Presentation Q&A" },
    summary: { ko: "발표가 끝난 뒤 까다로운 질문에 침착하게 답하기", en: "Field tough questions after your talk, calmly" },
    partner: {
      name: { ko: "오승우 이사", en: "Robert Oh" },
      role: { ko: "청중 (임원)", en: "An executive in the audience" },
      persona: {
        ko: "숫자와 리스크를 중시하는 임원. 발표 내용의 약점을 찌르는 질문을 한다.",
        en: "An executive who cares about numbers and risk, and probes the weak spots of the proposal.",
      },
    },
    goal: { ko: "질문을 재확인하고, 결론부터 짧게 답하고, 모르는 건 솔직하게 후속 조치를 약속하세요.", en: "Restate the question, answer with the point first and briefly, and be honest about what you'll follow up on." },
    opening: { ko: "발표 잘 들었습니다. 몇 가지 질문드릴게요. 먼저, 이 계획에 드는 비용은 얼마나 됩니까?", en: "Thanks for the presentation. A few questions. First, what will this plan cost?" },
    questions: {
      ko: ["그 투자 대비 효과는 언제쯤 나타나나요?", "가장 큰 리스크는 뭐라고 보세요?", "경쟁사는 이미 비슷한 걸 하고 있지 않나요?", "이 수치의 출처는 어디인가요?", "만약 예산을 절반만 준다면 어떻게 하시겠어요?"],
      en: ["When will we see a return on that?", "What do you see as the biggest risk?", "Aren't our competitors already doing this?", "Where do these figures come from?", "What would you do with half the budget?"],
    },
    pushback: {
      ko: ["그 가정은 너무 낙관적인 것 같은데요.", "질문에 대한 답이 아닌 것 같습니다."],
      en: ["That assumption looks optimistic.", "That doesn't quite answer my question."],
    },
    probe: { ko: ["근거가 되는 수치가 있습니까?"], en: ["Do you have figures to back that?"] },
    answerToQuestion: { ko: "그건 발표자께서 답하실 부분이죠.", en: "That's for you to answer, I think." },
    closing: { ko: "답변 감사합니다. 말씀하신 자료는 회의 후에 공유해 주세요.", en: "Thank you. Please share the material you mentioned after the meeting." },
    goodLooksLike: {
      ko: ["질문을 한 문장으로 재확인한다", "결론부터, 30초 안에 답한다", "모르는 건 인정하고 언제까지 확인할지 말한다"],
      en: ["Restate the question in one sentence", "Point first, within 30 seconds", "Admit what you don't know and say when you'll find out"],
    },
    register: "formal",
    voice: "ballad",
    minutes: 8,
  },
  {
    id: "meeting-parents",
    kind: "family",
    title: { ko: "상견례 / 연인의 부모님 뵙기", en: "Meeting your partner's parents" },
    summary: { ko: "예의를 갖추면서도 진솔하게 나를 소개하기", en: "Introduce yourself with respect and sincerity" },
    partner: {
      name: { ko: "윤정숙 어머님", en: "Mrs. Yoon" },
      role: { ko: "연인의 어머니", en: "Your partner's mother" },
      persona: {
        ko: "따뜻하지만 딸의 미래를 걱정하는 어머니. 직업, 가족, 앞으로의 계획을 조심스럽게 묻는다.",
        en: "A warm mother who worries about her daughter's future; gently asks about work, family and plans.",
      },
    },
    goal: { ko: "공손한 존댓말로 자신을 소개하고, 진정성 있게 계획과 마음을 전하세요.", en: "Introduce yourself respectfully, and speak sincerely about your plans and feelings." },
    opening: { ko: "어서 와요. 오느라 고생했죠? 이야기 많이 들었어요. 앉아요.", en: "Come in, come in. Was the trip all right? We've heard so much about you. Please, sit." },
    questions: {
      ko: ["하는 일은 어떤 일이에요? 힘들지는 않아요?", "가족들은 어떻게 되세요?", "우리 딸 어디가 그렇게 좋았어요?", "결혼하면 어디서 살 생각이에요?", "혹시 둘이 다툴 때는 어떻게 풀어요?"],
      en: ["What do you do for work? Is it demanding?", "Tell me about your family.", "What is it you love about our daughter?", "Where are you two thinking of living?", "And when you two argue, how do you make up?"],
    },
    pushback: {
      ko: ["그래도 그 일은 좀 불안정하지 않아요?", "아직 계획이 구체적이지는 않은 것 같네요."],
      en: ["Isn't that line of work a little unstable?", "It sounds like the plans aren't very concrete yet."],
    },
    probe: { ko: ["조금 더 얘기해 줘요."], en: ["Tell me a little more."] },
    answerToQuestion: { ko: "우리야 둘이 행복하면 그걸로 좋지요.", en: "As long as you two are happy, that's what matters to us." },
    closing: { ko: "오늘 이야기 나눠서 마음이 놓이네요. 자주 놀러 와요.", en: "I feel much better having talked with you. Do come often." },
    goodLooksLike: {
      ko: ["끝까지 합쇼체/해요체 존댓말 (반말 섞지 않기)", "자랑보다 진솔함", "질문에 구체적인 계획으로 답한다", "감사 표현"],
      en: ["Respectful, warm language throughout", "Sincerity over boasting", "Concrete answers about plans", "Thank them"],
    },
    register: "formal",
    voice: "alloy",
    minutes: 10,
  },
];

const byId = new Map(SCENARIOS.map((s) => [s.id, s]));

export function scenario(id: string): Scenario | undefined {
  return byId.get(id);
}

/** How many of the scenario's questions a session of this difficulty works through. */
export function questionCount(s: Scenario, difficulty: Difficulty, language: Language): number {
  const all = s.questions[language].length;
  return difficulty === "easy" ? Math.min(4, all) : all;
}
