import { relative, sep } from 'node:path';
import { loadLocalImage } from '../../io/images.js';
import type { FileSystem } from '../../io/io.js';
import type { LabelOverrides } from '../../render/labels/index.js';
import { type Renderer, TemplateError } from '../../render/renderers.js';
import type { Step } from '../file-pipeline.js';
import { checkImages } from './images.js';

export interface RenderSettings {
  includeInternal: boolean;
  /** Local images must be inside this folder. */
  projectRoot: string;
  /** SOURCE_DATE_EPOCH, when set; otherwise the document's own dates are used. */
  sourceDate?: Date;
  /** Show action and agreement ids in public renderings too. */
  showIds?: boolean;
  /** The project's own labels, by language. */
  labels?: LabelOverrides;
  /** The folder the outputs are written to (undefined: standard output), for image paths in the pandoc Markdown. */
  outputFolder?: string;
  /** The reference document's bytes, for the Word document. */
  referenceDoc?: Uint8Array;
}

/**
 * Render: the body's syntax tree with its references resolved, every image checked (a
 * local one must be inside the project on its real path; a `file:` URL or a broken escape
 * is refused at its position), the view model, and each format. The rendering modules are
 * loaded here, on first use, so that `validate` never pays for them. A template that fails
 * on this communiqué is a problem with the template, carried out of the pipeline to be
 * reported against the template file.
 */
export function renderStep(fs: FileSystem, renderers: readonly Renderer[], settings: RenderSettings): Step {
  return async (state) => {
    const [{ parseBody }, { withReferencesResolved }, { buildViewModel }] = await Promise.all([
      import('../../render/body.js'),
      import('../../render/images.js'),
      import('../../render/view-model.js'),
    ]);
    const parsed = state.parsed!;
    // The check step refuses a file whose front matter did not pass the schema.
    const communique = state.communique!;
    const tree = withReferencesResolved(parseBody(parsed.body!));
    const { problems, allowed } = await checkImages(fs, tree, parsed, state.file.path, settings.projectRoot);
    state.messages.push(...problems);
    if (state.messages.length > 0) {
      state.fatal = true;
      return;
    }
    const view = buildViewModel(communique, tree, {
      includeInternal: settings.includeInternal,
      ...(settings.showIds ? { showIds: true } : {}),
      ...(settings.labels ? { labels: settings.labels } : {}),
    });
    const documentDate =
      communique.published ?? communique.approval?.date ?? communique.meeting.date ?? communique.meeting.end;
    const date = settings.sourceDate ?? new Date(`${documentDate ?? '2000-01-01'}T00:00:00Z`);
    const loadImage = (url: string) => {
      const local = allowed.get(url);
      return local ? loadLocalImage(fs, local) : undefined;
    };
    // The pandoc Markdown names each local image by its path from the folder the Markdown is written to.
    const base = settings.outputFolder ?? settings.projectRoot;
    const imageFile = (url: string) => {
      const local = allowed.get(url);
      return local ? relative(base, local).split(sep).join('/') || undefined : undefined;
    };
    state.outputs = [];
    for (const renderer of renderers) {
      try {
        state.outputs.push({
          format: renderer.format,
          content: await renderer.render({
            view,
            date,
            loadImage,
            imagePath: imageFile,
            ...(settings.referenceDoc ? { referenceDoc: settings.referenceDoc } : {}),
          }),
        });
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        state.templateProblem = error.problem;
        state.fatal = true;
        return;
      }
    }
  };
}
