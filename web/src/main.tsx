// Entry: the router and its routes. Every page is its own chunk, so the login page never
// downloads the signed-in frame and each section pays only for itself.
import { Route, Router } from "@solidjs/router";
import { lazy, Suspense } from "solid-js";
import { render } from "solid-js/web";
import { askWhoIsSignedIn } from "./api/auth";
import "./styles/base.css";

const Login = lazy(() => import("./pages/login/Login"));
const AppFrame = lazy(() => import("./frame/AppFrame"));
const Style = lazy(() => import("./pages/style/Style"));
const Catalog = lazy(() => import("./pages/catalog/Catalog"));
const ProductDetail = lazy(() => import("./pages/product/ProductDetail"));
const TryOn = lazy(() => import("./pages/try-on/TryOn"));
const Practice = lazy(() => import("./pages/practice/Practice"));
const LiveRehearsal = lazy(() => import("./pages/practice/Live"));
const RehearsalReport = lazy(() => import("./pages/practice/Report"));
const Progress = lazy(() => import("./pages/Progress"));
const Occasions = lazy(() => import("./pages/occasions/Occasions"));
const OccasionPage = lazy(() => import("./pages/occasions/OccasionPage"));
const Profile = lazy(() => import("./pages/profile/Profile"));
const NotFound = lazy(() => import("./pages/NotFound"));

// Every page asks who is signed in (the frame, or the login page to move a signed-in visitor
// on): ask now, in parallel with the route's chunks, rather than after them.
askWhoIsSignedIn();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

render(
  () => (
    // Until the chosen language's dictionary is in (i18n/lang.ts) nothing shows; the route's chunk loads meanwhile.
    <Suspense>
      <Router>
        <Route path="/login" component={Login} />
        {/* The signed-in pages share one frame, which checks the session once on entry. */}
        <Route path="/" component={AppFrame}>
          {/* Home: the occasions, upcoming first. */}
          <Route path="/" component={Occasions} />
          <Route path="/occasions" component={Occasions} />
          <Route path="/occasions/:id" component={OccasionPage} />
          <Route path="/style/:roomId?" component={Style} />
          <Route path="/catalog" component={Catalog} />
          <Route path="/products/:id" component={ProductDetail} />
          <Route path="/try-on" component={TryOn} />
          <Route path="/practice" component={Practice} />
          <Route path="/practice/:id" component={LiveRehearsal} />
          <Route path="/practice/:id/report" component={RehearsalReport} />
          <Route path="/progress" component={Progress} />
          <Route path="/profile" component={Profile} />
        </Route>
        <Route path="*404" component={NotFound} />
      </Router>
    </Suspense>
  ),
  root,
);
