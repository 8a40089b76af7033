// Values the global setup provides to the test configuration.
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    kakaoUrl: string;
  }
}
