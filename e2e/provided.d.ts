// What e2e/global-setup.ts hands to the browser tests (`inject("baseUrl")`).
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
