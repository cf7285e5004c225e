/**
 * A department's own look: the styles, page setup, headers and footers of a reference
 * .docx, put into the document we wrote. Styles the reference does not define (Meeting
 * Facts, Draft Notice…) keep ours; a reference without headers or footers leaves ours.
 */
import JSZip from 'jszip';
import { rezip } from './package.js';

const SECTION = /<w:sectPr\b[^>]*>[\s\S]*?<\/w:sectPr>(?![\s\S]*<w:sectPr)/;
const WORD_ML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
const IMAGE_TYPES: Record<string, string> = { jpg: 'jpeg', emf: 'x-emf', wmf: 'x-wmf' };
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/** Whether the bytes are a Word document (a zip holding word/document.xml). */
export async function isWordDocument(bytes: Uint8Array): Promise<boolean> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    return zip.file('word/document.xml') !== null && zip.file('word/styles.xml') !== null;
  } catch {
    return false;
  }
}

function styleElements(xml: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of xml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g))
    if (!found.has(match[1]!)) found.set(match[1]!, match[0]);
  return found;
}

export async function withReferenceDoc(document: Uint8Array, reference: Uint8Array, date: Date): Promise<Uint8Array> {
  const ours = await JSZip.loadAsync(document);
  const theirs = await JSZip.loadAsync(reference);
  const text = async (zip: JSZip, path: string) => (await zip.file(path)?.async('string')) ?? '';

  // Styles: theirs, with ours added where they have no style of that id.
  const theirStyles = await text(theirs, 'word/styles.xml');
  if (theirStyles.includes('</w:styles>')) {
    const have = styleElements(theirStyles);
    const missing = [...styleElements(await text(ours, 'word/styles.xml'))]
      .filter(([id]) => !have.has(id))
      .map(([, xml]) => xml);
    ours.file('word/styles.xml', theirStyles.replace('</w:styles>', `${missing.join('')}</w:styles>`));
  }
  const theme = theirs.file('word/theme/theme1.xml');
  if (theme && ours.file('word/theme/theme1.xml')) ours.file('word/theme/theme1.xml', await theme.async('uint8array'));

  // Page setup, headers and footers: from the reference's last section.
  const theirSection = SECTION.exec(await text(theirs, 'word/document.xml'))?.[0];
  let body = await text(ours, 'word/document.xml');
  const ourSection = SECTION.exec(body)?.[0];
  if (theirSection && ourSection) {
    let section = ourSection;
    for (const tag of ['pgSz', 'pgMar', 'cols', 'docGrid']) {
      const pattern = new RegExp(`<w:${tag}\\b[^>]*/>`);
      const their = pattern.exec(theirSection)?.[0];
      // Only replaced, never appended: the elements of a section have a fixed order.
      if (their && pattern.test(section)) section = section.replace(pattern, their);
    }
    const references = [...theirSection.matchAll(/<w:(header|footer)Reference\b[^>]*r:id="([^"]+)"[^>]*\/>/g)];
    if (references.length > 0) {
      const theirRels = await text(theirs, 'word/_rels/document.xml.rels');
      let ourRels = await text(ours, 'word/_rels/document.xml.rels');
      let types = await text(ours, '[Content_Types].xml');
      section = section.replace(/<w:(header|footer)Reference\b[^>]*\/>/g, '').replace(/<w:titlePg\b[^>]*\/>/g, '');
      const added: string[] = [];
      for (const [index, match] of references.entries()) {
        const kind = match[1]!;
        const target = new RegExp(`Id="${match[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${match[2]}"`).exec(
          theirRels,
        );
        const path = target?.[1] ?? target?.[2];
        const part = path ? theirs.file(`word/${path.replace(/^\/?word\//, '')}`) : null;
        if (!part) continue;
        const name = `reference-${kind}${index + 1}.xml`;
        ours.file(`word/${name}`, await part.async('uint8array'));
        const partRels = theirs.file(`word/_rels/${path!.split('/').pop()}.rels`);
        if (partRels) {
          const rels = await partRels.async('string');
          ours.file(`word/_rels/${name}.rels`, rels);
          for (const media of rels.matchAll(/Target="(media\/[^"]+)"/g)) {
            const file = theirs.file(`word/${media[1]}`);
            if (file) ours.file(`word/${media[1]}`, await file.async('uint8array'));
          }
        }
        const id = `rIdReference${index + 1}`;
        ourRels = ourRels.replace(
          '</Relationships>',
          `<Relationship Id="${id}" Type="${REL_TYPE}${kind}" Target="${name}"/></Relationships>`,
        );
        types = types.replace(
          '</Types>',
          `<Override PartName="/word/${name}" ContentType="${WORD_ML}.${kind}+xml"/></Types>`,
        );
        added.push(match[0].replace(/r:id="[^"]+"/, `r:id="${id}"`));
      }
      if (/<w:titlePg\b/.test(theirSection)) added.push('<w:titlePg/>');
      section = section.replace(
        /^(<w:sectPr\b[^>]*>)/,
        `$1${added.filter((tag) => !tag.startsWith('<w:titlePg')).join('')}`,
      );
      if (added.includes('<w:titlePg/>'))
        section = /<w:(textDirection|bidi|rtlGutter|docGrid)\b/.test(section)
          ? section.replace(/<w:(textDirection|bidi|rtlGutter|docGrid)\b/, '<w:titlePg/>$&')
          : section.replace('</w:sectPr>', '<w:titlePg/></w:sectPr>');
      ours.file('word/_rels/document.xml.rels', ourRels);
      ours.file('[Content_Types].xml', types);
      for (const media of ['png', 'jpeg', 'jpg', 'gif', 'emf', 'wmf'])
        if (
          Object.keys(ours.files).some((name) => name.endsWith(`.${media}`)) &&
          !types.includes(`Extension="${media}"`)
        )
          ours.file(
            '[Content_Types].xml',
            (await text(ours, '[Content_Types].xml')).replace(
              '</Types>',
              `<Default Extension="${media}" ContentType="image/${IMAGE_TYPES[media] ?? media}"/></Types>`,
            ),
          );
    }
    body = body.replace(ourSection, section);
    ours.file('word/document.xml', body);
  }
  return rezip(await ours.generateAsync({ type: 'uint8array' }), date);
}
