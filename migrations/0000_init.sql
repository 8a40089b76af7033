CREATE TABLE `chat_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`room_id` integer NOT NULL,
	`sender_type` text NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`image_url` text,
	`product_image_url` text,
	`product_id` text,
	`turn_id` text,
	`engine` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `chat_rooms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `chat_messages_room_created` ON `chat_messages` (`room_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `chat_messages_turn` ON `chat_messages` (`turn_id`);--> statement-breakpoint
CREATE TABLE `chat_rooms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`title` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `chat_rooms_user_updated` ON `chat_rooms` (`user_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `feedback_reports` (
	`session_id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`overall` real NOT NULL,
	`politeness` real NOT NULL,
	`clarity` real NOT NULL,
	`pace` real NOT NULL,
	`fillers` real NOT NULL,
	`metrics` text NOT NULL,
	`details` text NOT NULL,
	`engine` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `voice_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `feedback_reports_user_created` ON `feedback_reports` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `fitting_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`upper_product_id` text,
	`lower_product_id` text,
	`model_upload_id` text NOT NULL,
	`hd_mode` integer DEFAULT false NOT NULL,
	`provider` text NOT NULL,
	`provider_task_id` text,
	`status` text DEFAULT 'queued' NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`result_key` text,
	`error` text,
	`room_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`model_upload_id`) REFERENCES `uploads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`room_id`) REFERENCES `chat_rooms`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `fitting_tasks_user_created` ON `fitting_tasks` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `knowledge_passages` (
	`id` text PRIMARY KEY NOT NULL,
	`topic` text NOT NULL,
	`language` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `knowledge_topic` ON `knowledge_passages` (`topic`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`name_ko` text NOT NULL,
	`name_en` text NOT NULL,
	`brand` text NOT NULL,
	`gender` text NOT NULL,
	`category` text NOT NULL,
	`subcategory` text NOT NULL,
	`colors` text NOT NULL,
	`pattern` text NOT NULL,
	`material` text NOT NULL,
	`fit` text NOT NULL,
	`seasons` text NOT NULL,
	`price` integer NOT NULL,
	`style_tags` text NOT NULL,
	`tpo_tags` text NOT NULL,
	`description_ko` text NOT NULL,
	`description_en` text NOT NULL,
	`image_key` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `products_category_price` ON `products` (`category`,`price`);--> statement-breakpoint
CREATE INDEX `products_gender_category` ON `products` (`gender`,`category`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`r2_key` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`width` integer,
	`height` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `uploads_user_created` ON `uploads` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider` text NOT NULL,
	`provider_user_id` text NOT NULL,
	`nickname` text NOT NULL,
	`profile_image_url` text,
	`height_cm` integer,
	`body_shape` text,
	`skin_tone` text,
	`gender` text,
	`preferred_styles` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_provider_identity` ON `users` (`provider`,`provider_user_id`);--> statement-breakpoint
CREATE TABLE `voice_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`scenario_id` text NOT NULL,
	`language` text NOT NULL,
	`difficulty` text NOT NULL,
	`engine` text NOT NULL,
	`status` text DEFAULT 'created' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`started_at` integer,
	`ended_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `voice_sessions_user_created` ON `voice_sessions` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `voice_turns` (
	`session_id` text NOT NULL,
	`seq` integer NOT NULL,
	`speaker` text NOT NULL,
	`text` text NOT NULL,
	`start_ms` integer NOT NULL,
	`end_ms` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`session_id`, `seq`),
	FOREIGN KEY (`session_id`) REFERENCES `voice_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
