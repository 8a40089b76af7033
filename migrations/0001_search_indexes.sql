-- Full-text indexes for catalog search and the knowledge base (FTS5; drizzle cannot
-- express virtual tables, so this migration is written by hand).
--
-- Korean words are mostly two syllables (면접, 셔츠, 정장), which neither FTS5's unicode61
-- tokenizer (one token per run of Hangul, so "면접룩" never matches "면접") nor its trigram
-- tokenizer (nothing under three characters) can find. The application therefore writes
-- pre-tokenized text into these tables: Latin words as they are, Hangul runs as overlapping
-- syllable bigrams (worker/catalog/tokens.ts), and queries are tokenized the same way.
-- unicode61 then only splits on the spaces we put in, and porter folds English plurals
-- ("shirts" finds "shirt"; it leaves Hangul alone). Columns are weighted by bm25().
--
-- products_fts also carries `facets`: exact ASCII tokens for the structured filters
-- (category, subcategory, gender, seasons, style and TPO tags, colors; see
-- worker/catalog/facets.ts), so a filtered search is answered by the index alone and only
-- the page of results is joined to `products`.
CREATE VIRTUAL TABLE `products_fts` USING fts5(
  `product_id` UNINDEXED,
  `name`,
  `tags`,
  `body`,
  `facets`,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `knowledge_fts` USING fts5(
  `passage_id` UNINDEXED,
  `title`,
  `tags`,
  `body`,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
