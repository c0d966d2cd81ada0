import { describe, expect, it } from 'vitest';
import { clean, inlineChromeSpans, isBoilerplate } from '../src/clean.js';
import { actorNames } from './actors-helpers.js';

const stripped = (line: string) => {
  let out = line;
  for (const s of inlineChromeSpans(line).reverse()) out = out.slice(0, s.start) + out.slice(s.end);
  return out.replace(/ {2,}/g, ' ');
};

describe('web chrome lines, recognised by shape', () => {
  it.each([
    [
      'video teaser',
      'JUST WATCHED Cantor details GOP immigration demands Replay More Videos ... MUST WATCH Cantor details GOP immigration demands 00:45',
    ],
    ['gallery control', 'Enlarge this image toggle caption Alex Wong/Getty Images Alex Wong/Getty Images'],
    [
      'gallery caption',
      'Hide caption People light candles during a vigil in Paris. Previous Next Martin Bureau/AFP/Getty Images',
    ],
    [
      'photo credit (Photo by)',
      'Biden at a campaign event in Rochester, N.H., on Wednesday. (Photo by Scott Eisen/Getty Images)',
    ],
    ['photo credit (Photo:)', 'Donald Trump and Hillary Clinton (Photo: AFP/Getty Images)'],
    [
      'wire credit',
      "Beto O'Rourke addresses supporters in El Paso, Texas, U.S., February 11, 2019. REUTERS/Loren Elliott",
    ],
    [
      'AP credit',
      'In this April 4, 2019, photo Tara Reade poses for a photo in Nevada City, Calif. (AP Photo/Donald Thompson)',
    ],
    [
      'file photo',
      'FILE PHOTO: U.S. Special Counsel Robert Mueller departs after a statement. REUTERS/Jim Bourg/File Photo',
    ],
    ['pipe credit', 'Buddy act | Donald Trump and Mike Pence arrive in Indianapolis in December. | Getty Images'],
    [
      "photographer's name and agency after a bar",
      'A worker builds a car at a plant in Chicago, June 24, 2019. Kamil Krzaczynski | Reuters',
    ],
    ['photographer', 'Wreckage at the crash site on March 11. Photographer: Michael Tewelde/AFP via Getty Images'],
    [
      'share row',
      'Facebook Twitter Pinterest Barack Obama might encourage Democrats. Photograph: Mandel Ngan/AFP/Getty Images',
    ],
    [
      'gallery dump',
      "he became a celebrity long before winning the White House. Hide Caption 1 of 37 Photos: Donald Trump's rise Trump at age 4.",
    ],
    [
      'gallery counter',
      'The debate was held in Las Vegas on Wednesday. Win McNamee/Getty Images 1 of 11 • • • • • 1 of 11 Show Caption',
    ],
    [
      'bracketed credit',
      'Protesters demonstrate at a park near the White House in Washington, DC [Roberto Schmidt/AFP]',
    ],
    [
      'wire credit with tags',
      'Liu He meets the president in the Oval Office, April 4, 2019. REUTERS/Jonathan Ernst TPX IMAGES OF THE DAY',
    ],
    ['advertisement', 'Advertisement'],
    ['share row', 'Share Tweet Post Email'],
    ['image caption label', 'Image copyright Getty Images Image caption Mr Trump spoke at the rally'],
    ['continued below', 'Story Continued Below'],
    ['newsletter', 'Sign up for Daily Newsletters Manage Newsletters'],
    [
      'newsletter consent',
      'Get the Monitor Stories you care about delivered to your inbox. By signing up, you agree to our Privacy Policy',
    ],
    ['social prompt', 'Follow us on Twitter for the latest updates'],
    ['read more', 'READ MORE: Two very different polls in battle for White House'],
    ['see related', 'SEE RELATED: Benghazi talking points altered, officials say'],
    ['more headline', 'MORE: Google Rejects Christian Publisher Ads that Mention Jesus'],
    ['more from', 'MORE FROM THE CNN POLITICAL TICKER:'],
    ['copyright', 'Copyright © 2019 The Washington Times, LLC. Click here for reprint permission.'],
    ['wire footer', 'This material may not be published, broadcast, rewritten or redistributed.'],
    ['video player', 'Media playback is unsupported on your device Media caption The mayor visits the flooded harbour'],
    ['related link', "Council delays vote on the harbour plan: 'We need more time' Read more"],
    [
      'subscription form',
      'Newsletter Sign Up Continue reading the main story Please verify the box. Thank you for subscribing.',
    ],
    ['promo', 'Something to Read If you enjoyed this article, we have an offer for you: join today.'],
    ['sign-up prompt', 'Sign up for Morning Brief and get three stories in your inbox every day.'],
    ['newsletter offer', 'Get our Weekend Newsletter.'],
    ['promo paragraph', 'Act now! Sign up for Morning Brief. You will receive occasional promotional offers from us.'],
    ['country list', 'Get our Weekend Newsletter. Choose your country Albania Algeria Andorra Angola'],
    ['caption closed by a credit', 'The mayor spoke at the harbour on Monday. | Jane Roe/AP Photo'],
    ['credit alone', 'Jane Roe/AP Photo.'],
    ['spaced Getty credit', 'Jane Roe / Getty Images Boats wait at the harbour in Portville, May 4.'],
    ['photo line', 'Photo: Jane Roe'],
  ])('%s', (_shape, line) => {
    expect(isBoilerplate(line)).toBe(true);
  });

  it.each([
    'The AP reported that the deal was close.',
    'He said the photo was taken in 2019 and shared it with Reuters.',
    'Read more about the plan in the report, she said.',
    'Next, the committee will vote on the measure.',
    'The council said residents could read more.',
    'She said residents could sign up for classes and subscribe to updates next week.',
    'The vote split the party 52 | 48, John Smith said.',
  ])('keeps body text: %s', (line) => {
    expect(isBoilerplate(line)).toBe(false);
  });
});

describe('inline chrome', () => {
  it('finds a hover card from the full name glued to a headline through MORE, keeping the display name', () => {
    expect(
      stripped(
        'Ironically, his best chance could be to ape what President Trump Donald John TrumpSessions says he still supports Trump despite ouster as AG Giuliani consulted with Manafort on Ukraine info: report MORE did in the 2016 GOP primaries.',
      ),
    ).toBe('Ironically, his best chance could be to ape what President Trump did in the 2016 GOP primaries.');
    expect(
      stripped(
        'including then-Attorney General Jeff Sessions Jefferson (Jeff) Beauregard SessionsSessions says he still supports Trump MORE and others.',
      ),
    ).toBe('including then-Attorney General Jeff Sessions and others.');
  });
  it('takes surnames with a capitalised prefix and lower-case particles, and headlines opening with a year', () => {
    expect(
      stripped(
        'Senate Majority Leader Mitch McConnell Addison (Mitch) Mitchell McConnellOvernight Defense: Dems subpoena Giuliani for Ukraine docs MORE said no.',
      ),
    ).toBe('Senate Majority Leader Mitch McConnell said no.');
    expect(stripped('Sen. John McCain John Sidney McCain2020 Democrats make play for veterans votes MORE spoke.')).toBe(
      'Sen. John McCain spoke.',
    );
    expect(
      stripped(
        'the city elected Bill de Blasio Bill de BlasioConservatives must talk politics at the table MORE twice.',
      ),
    ).toBe('the city elected Bill de Blasio twice.');
  });
  it('finds a card of the name alone glued to MORE', () => {
    expect(stripped('Sen. John Kennedy John Neely KennedyMORE (R-La.), who is expected to oppose it, spoke.')).toBe(
      'Sen. John Kennedy (R-La.), who is expected to oppose it, spoke.',
    );
    expect(stripped('Israeli Prime Minister Benjamin Netanyahu Benjamin (Bibi) NetanyahuMORE has been indicted.')).toBe(
      'Israeli Prime Minister Benjamin Netanyahu has been indicted.',
    );
  });
  it('finds an inline "(RELATED: …)" link', () => {
    expect(
      stripped('The pastor said the faith would survive. (RELATED: Republican Congressman Calls Out Attack On Statue)'),
    ).toBe('The pastor said the faith would survive.');
  });
  it('finds a card spaced from the name it repeats, through MORE', () => {
    expect(
      stripped(
        "Mayor Ann Lee Ann Marie Lee Council delays harbour vote: 'We need time' Ferry fares rise again MORE (D-Portville) said no.",
      ),
    ).toBe('Mayor Ann Lee (D-Portville) said no.');
    // Beside glued cards, before and after it in the line.
    expect(
      stripped(
        "Mayor Ann Lee Ann Marie Lee Council delays harbour vote: 'We need time' Ferry fares rise MORE and Sen. Bo Tan Bo Wei TanHarbour plan stalls as fares rise again MORE spoke.",
      ),
    ).toBe('Mayor Ann Lee and Sen. Bo Tan spoke.');
  });
  it('finds social, channel and newsletter prompts inside a line', () => {
    expect(
      stripped(
        'Jane Roe is a columnist for the Portville Post. Follow her on Twitter: @janeroe. Her views are her own.',
      ),
    ).toBe('Jane Roe is a columnist for the Portville Post. Her views are her own.');
    expect(
      stripped('Watch Harbour TV onGet Harbour TV on your cable system — Click Here Now The mayor is right.'),
    ).toBe(' The mayor is right.');
    expect(stripped('Thank you for reading. View all Portville Post newsletters.')).toBe('Thank you for reading. ');
  });
  it('leaves camel-case names and a capitalised "MORE" in text alone', () => {
    expect(inlineChromeSpans('Senator McConnell and YouTube said MORE than ever.')).toEqual([]);
  });
  it('reports the spans in body offsets and keeps the text, so evidence offsets hold', () => {
    const text =
      'Headline here\n\nPresident Trump Donald John TrumpGOP senators balk at lengthy impeachment trial MORE on Monday said the talks failed.';
    const c = clean(text);
    expect(c.body).toContain('TrumpGOP');
    expect(c.inlineChrome.map((s) => c.body.slice(s.start, s.end))).toEqual([
      'Donald John TrumpGOP senators balk at lengthy impeachment trial MORE',
    ]);
  });
  it('gives no actors from a hover card or a photo credit', () => {
    const names = actorNames(
      'Headline here\n\nTrump on Monday dispatched Secretary of State Mike Pompeo Michael (Mike) Richard PompeoProtests serve as backdrop to visit to White House Chris Wallace: Taylor testimony damaging MORE to meet with the king.\n\nThe White House is seen in Washington. (AP Photo/Cliff Owen)',
    );
    expect(names).toContain('Mike Pompeo');
    expect(names.some((n) => /Pompeo\w|Wallace|Owen/.test(n))).toBe(false);
  });
});
