// The photo going out with the next message: checked here for type and size, previewed at
// once, uploaded with progress (cancelled when removed), and its stored URL once it is up.
import { createSignal, onCleanup } from "solid-js";
import { uploadPhoto } from "../../api/uploads";
import { photoProblem, type Problem } from "../../components/upload/photo-check";

export type Attached = { preview: string; progress: number; url: string | null; cancel: () => void };

export function createPhotoAttachment() {
  const [photo, setPhoto] = createSignal<Attached | null>(null);
  const [problem, setProblem] = createSignal<Problem | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);

  function remove() {
    const now = photo();
    if (now) {
      now.cancel();
      URL.revokeObjectURL(now.preview);
    }
    setPhoto(null);
    setProblem(null);
    setFailure(null);
  }
  onCleanup(remove);

  function attach(file: File) {
    remove();
    const refused = photoProblem(file);
    if (refused) return setProblem(refused);
    const preview = URL.createObjectURL(file);
    const current = () => (photo()?.preview === preview ? photo()! : null);
    const upload = uploadPhoto(file, (progress) => {
      const now = current();
      if (now) setPhoto({ ...now, progress });
    });
    setPhoto({ preview, progress: 0, url: null, cancel: upload.cancel });
    upload.done.then(
      (stored) => {
        const now = current();
        if (now) setPhoto({ ...now, progress: 1, url: stored.image_url });
      },
      (error: unknown) => {
        if (!current()) return; // removed, or replaced by another photo
        remove();
        setFailure(error);
      },
    );
  }

  return {
    photo,
    problem,
    failure,
    uploading: () => photo() !== null && photo()!.url === null,
    attach,
    remove,
  };
}
