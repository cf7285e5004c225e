/**
 * Images named in a communiqué body: which they are, and what a file holds. Remote images
 * are never fetched; local ones are found on disk at the edge (io/images.ts).
 */
import type { Definition, Image, Link, Root } from 'mdast';
import type { Node } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import { nodesOfType } from './tree.js';
import { isRemoteUrl } from './links.js';

export interface LoadedImage {
  data: Uint8Array;
  width: number;
  height: number;
  type: 'png' | 'jpg' | 'gif' | 'bmp';
}

/** A local image named in the body, found and checked to be inside the project; undefined when it cannot be used. */
export type ImageLoader = (url: string) => LoadedImage | undefined;

/** Remote: on the network, never fetched by a renderer (a link to it is written instead). */
export function isRemote(url: string): boolean {
  return isRemoteUrl(url);
}

/** The path a local image's URL names, or why it names none: a `file:` URL, or a `%` escape that is not one. */
export function imagePath(url: string): { ok: true; path: string } | { ok: false; reason: 'file-url' | 'malformed' } {
  if (/^\s*file:/i.test(url)) return { ok: false, reason: 'file-url' };
  try {
    return { ok: true, path: decodeURI(url.split(/[?#]/)[0]!) };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}

/**
 * The body with every reference resolved where it is used: `![x][ref]` becomes the image
 * `[ref]:` names, and `[text][ref]` the link, so that each renderer and each check meets
 * one form of image and one of link. The first definition of a label wins, as in CommonMark.
 */
export function withReferencesResolved(tree: Root): Root {
  const definitions = new Map<string, Definition>();
  for (const node of nodesOfType<Definition>(tree, 'definition'))
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  if (definitions.size === 0) return tree;
  const copy = structuredClone(tree);
  visit(copy, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'imageReference') {
      const definition = definitions.get(node.identifier);
      if (!definition) return;
      const image: Image = {
        type: 'image',
        url: definition.url,
        alt: node.alt ?? '',
        ...(definition.title ? { title: definition.title } : {}),
        ...(node.position ? { position: node.position } : {}),
      };
      (parent.children as Node[])[index] = image;
    } else if (node.type === 'linkReference') {
      const definition = definitions.get(node.identifier);
      if (!definition) return;
      const link: Link = {
        type: 'link',
        url: definition.url,
        children: node.children,
        ...(definition.title ? { title: definition.title } : {}),
        ...(node.position ? { position: node.position } : {}),
      };
      (parent.children as Node[])[index] = link;
    }
  });
  visit(copy, 'definition', (_, index, parent) => {
    if (!parent || index === undefined) return;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return copy;
}

export function images(tree: Root): Image[] {
  return nodesOfType<Image>(tree, 'image');
}

/** Dimensions from the file header of a PNG, JPEG, GIF or BMP. */
export function imageSize(data: Uint8Array): { width: number; height: number; type: LoadedImage['type'] } | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length > 24 && view.getUint32(0) === 0x89504e47)
    return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  if (data.length > 10 && data[0] === 0x47 && data[1] === 0x49 && data[2] === 0x46)
    return { type: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) };
  if (data.length > 26 && data[0] === 0x42 && data[1] === 0x4d)
    return { type: 'bmp', width: view.getInt32(18, true), height: Math.abs(view.getInt32(22, true)) };
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let offset = 2;
    while (offset + 9 < data.length) {
      if (data[offset] !== 0xff) return undefined;
      const marker = data[offset + 1]!;
      const length = view.getUint16(offset + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: 'jpg', height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
      }
      offset += 2 + length;
    }
  }
  return undefined;
}
