ALTER TABLE `voice_sessions` ADD `end_reason` text;--> statement-breakpoint
ALTER TABLE `voice_turns` ADD `input` text DEFAULT 'speech' NOT NULL;