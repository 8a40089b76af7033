CREATE TABLE `occasions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`starts_at` integer NOT NULL,
	`time_zone` text DEFAULT 'Asia/Seoul' NOT NULL,
	`language` text DEFAULT 'ko' NOT NULL,
	`place` text,
	`notes` text,
	`details` text DEFAULT '{}' NOT NULL,
	`checklist` text DEFAULT '[]' NOT NULL,
	`outfit` text,
	`room_id` integer,
	`try_on_task_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`room_id`) REFERENCES `chat_rooms`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `occasions_user_starts` ON `occasions` (`user_id`,`starts_at`);--> statement-breakpoint
ALTER TABLE `voice_sessions` ADD `occasion_id` text REFERENCES occasions(id) ON DELETE set null;