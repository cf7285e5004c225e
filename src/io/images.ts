/**
 * Local images named in a communiqué body, found on disk. A local file must be inside the
 * project — after following links — because renderers embed it and pandoc embeds any
 * local file an image names (`![x](/etc/hostname)`).
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { imageSize, type LoadedImage } from '../render/images.js';
import type { FileSystem } from './io.js';

export function localImagePath(
  fs: FileSystem,
  localPath: string,
  documentFolder: string,
  projectRoot: string,
): string | undefined {
  // `file:` URLs and broken escapes are refused before this (render/images.ts `imagePath`); this takes a path.
  const path = resolve(documentFolder, localPath);
  if (!isInside(projectRoot, path)) return undefined;
  try {
    // A link inside the project may lead outside it: judge the file it leads to.
    return isInside(fs.realpathSync(projectRoot), fs.realpathSync(path)) ? path : undefined;
  } catch {
    // Missing: it stays a link to nothing, and is never read.
    return path;
  }
}

function isInside(root: string, path: string): boolean {
  const inside = relative(root, path);
  return inside === '' || !(inside.startsWith('..') || isAbsolute(inside));
}

export function loadLocalImage(fs: FileSystem, path: string): LoadedImage | undefined {
  try {
    const data = fs.readFileSync(path);
    const size = imageSize(data);
    return size ? { data, ...size } : undefined;
  } catch {
    return undefined;
  }
}
