import { dirname, resolve } from 'node:path';
import { makeDiagnostic } from '../../diagnostics/make.js';
import { localImagePath, loadLocalImage } from '../../io/images.js';
import type { FileSystem } from '../../io/io.js';
import { parseBody } from '../../render/body.js';
import { images, isRemote } from '../../render/images.js';
import { type Renderer, TemplateError } from '../../render/renderers.js';
import { buildViewModel } from '../../render/view-model.js';
import type { Step } from '../file-pipeline.js';

export interface RenderSettings {
  includeInternal: boolean;
  /** Local images must be inside this folder. */
  projectRoot: string;
  /** SOURCE_DATE_EPOCH, when set; otherwise the document's own dates are used. */
  sourceDate?: Date;
}

/**
 * Render: the body's syntax tree, its local images found (and refused when they lie
 * outside the project), the view model, and each format. A template that fails on this
 * communiqué is a problem with the template, carried out of the pipeline to be reported
 * against the template file.
 */
export function renderStep(fs: FileSystem, renderers: readonly Renderer[], settings: RenderSettings): Step {
  return async (state) => {
    const parsed = state.parsed!;
    // The check step refuses a file whose front matter did not pass the schema.
    const communique = state.communique!;
    const tree = parseBody(parsed.body!);
    const folder = dirname(resolve(state.file.path));
    const allowed = new Map<string, string>();
    for (const image of images(tree)) {
      if (isRemote(image.url)) continue;
      const local = localImagePath(fs, image.url, folder, settings.projectRoot);
      if (local) {
        allowed.set(image.url, local);
        continue;
      }
      const start = (image.position?.start.offset ?? 0) + parsed.bodyOffset;
      const end = (image.position?.end.offset ?? 0) + parsed.bodyOffset;
      const span = parsed.source!.span(start, end);
      state.messages.push(
        makeDiagnostic('render/image-outside-project', `The image \`${image.url}\` is outside the project`, span),
      );
    }
    if (state.messages.length > 0) {
      state.fatal = true;
      return;
    }
    const view = buildViewModel(communique, tree, { includeInternal: settings.includeInternal });
    const documentDate =
      communique.published ?? communique.approval?.date ?? communique.meeting.date ?? communique.meeting.end;
    const date = settings.sourceDate ?? new Date(`${documentDate ?? '2000-01-01'}T00:00:00Z`);
    const loadImage = (url: string) => {
      const local = allowed.get(url);
      return local ? loadLocalImage(fs, local) : undefined;
    };
    state.outputs = [];
    for (const renderer of renderers) {
      try {
        state.outputs.push({ format: renderer.format, content: await renderer.render({ view, date, loadImage }) });
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        state.templateProblem = error.problem;
        state.fatal = true;
        return;
      }
    }
  };
}
