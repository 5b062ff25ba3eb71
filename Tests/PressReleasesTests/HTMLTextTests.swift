import PressReleases
import Testing

// MARK: - A realistic ministry page

private func ministryPage(metaDate: Bool = true) -> String {
  let meta =
    metaDate
    ? "<meta property=\"article:published_time\" content=\"2025-11-18T09:00:00+09:00\">" : ""
  return """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <title>Minister Kim Meets EU Trade Commissioner | Ministry of Trade, Industry and Energy</title>
    <meta property="og:title" content="Minister Kim meets the EU Trade Commissioner">
    \(meta)
    <link rel="stylesheet" href="/css/site.css">
    <script>var tracking = "<p>Fake script text</p>"; if (a < b && c > d) {}</script>
    <style>p > a { color: red; }</style>
    </head>
    <body class="sub-page has-sidebar">
    <header id="site-header">
      <div class="logo"><a href="/"><img src="/logo.png" alt="MOTIE"></a></div>
      <form class="search" action="/search">
        <input type="text" name="q" placeholder="Search"><button>Search</button>
      </form>
    </header>
    <nav class="gnb"><ul><li><a href="/news">News</a></li><li><a href="/policy">Policy</a></li></ul></nav>
    <div id="container">
      <div class="lnb-menu"><ul><li>Press Releases</li><li>Speeches</li></ul></div>
      <article class="press-release">
        <div class="article-header">
          <h1>Minister Kim Meets EU Trade Commissioner</h1>
          <p class="info">Date: <time datetime="2025-11-17">November 17, 2025</time> | Trade Policy</p>
        </div>
        <div class="share-bar"><a href="#">Facebook</a> <a href="#">X</a> <a href="#">Print</a></div>
        <div class="view_cont">
          <p>Minister of Trade <b>Kim Jung-kwan</b> met EU Trade Commissioner
             Maro&scaron; &Scaron;ef&#269;ovi&#x10D; in Brussels on November 17 to discuss
             &ldquo;Korea&rsquo;s&rdquo; supply-chain <a href="/t">cooperation</a>.</p>
          <p>The two sides agreed to launch a working group on semiconductors &amp; batteries.<br>
             The first meeting will be held in Seoul in January&nbsp;2026.</p>
          <p>&#8220;This partnership matters,&#8221; Kim said.</p>
          <table><tr><td>Contact</td><td>Trade Policy Division, +82-44-203-5600</td></tr></table>
        </div>
        <div class="related-news"><h3>Related News</h3>
          <ul><li><a href="/n/1">Minister visits Germany</a></li></ul></div>
      </article>
      <aside class="sidebar"><h2>Popular</h2><p>Most read item</p></aside>
    </div>
    <footer><p>Copyright &copy; 2025 Ministry of Trade, Industry and Energy. All rights reserved.</p></footer>
    <script>document.write("<p>Injected fake paragraph</p>");</script>
    </body>
    </html>
    """
}

@Test func ministryPageYieldsTitleDateAndArticleParagraphs() {
  let page = HTMLText.extract(ministryPage())
  #expect(page.title == "Minister Kim Meets EU Trade Commissioner")
  #expect(page.published?.description == "2025-11-18")
  #expect(
    page.paragraphs == [
      "Minister of Trade Kim Jung-kwan met EU Trade Commissioner Maroš Šefčovič in Brussels on "
        + "November 17 to discuss “Korea’s” supply-chain cooperation.",
      "The two sides agreed to launch a working group on semiconductors & batteries.",
      "The first meeting will be held in Seoul in January 2026.",
      "“This partnership matters,” Kim said.",
      "Contact",
      "Trade Policy Division, +82-44-203-5600",
    ])
}

@Test func ministryPageDropsChromeAndScripts() {
  let text = HTMLText.extract(ministryPage()).paragraphs.joined(separator: "\n")
  for chrome in [
    "Fake script text", "Injected fake paragraph", "color: red", "Search", "News", "Speeches",
    "Facebook", "Related News", "Minister visits Germany", "Most read item", "Copyright",
    "Date:",
  ] {
    #expect(!text.contains(chrome), "\(chrome) leaked")
  }
}

@Test func ministryPageWithoutMetaDateUsesTheArticleTime() {
  #expect(HTMLText.extract(ministryPage(metaDate: false)).published?.description == "2025-11-17")
}

// MARK: - Character references

@Test(arguments: [
  ("plain text", "plain text"),
  ("&amp; &lt; &gt; &quot; &apos;", "& < > \" '"),
  ("&ldquo;Korea&rsquo;s&rdquo;", "“Korea’s”"),
  ("&lsquo;a&rsquo; &sbquo;b&bdquo; &laquo;c&raquo;", "‘a’ ‚b„ «c»"),
  ("5&ndash;7 &mdash; wait&hellip; &middot; &bull;", "5–7 — wait… · •"),
  ("&copy; &reg; &trade; &deg; &plusmn; &times; &divide;", "© ® ™ ° ± × ÷"),
  ("&euro;1 &pound;2 &yen;3 &cent;4 &sect;5 &para;6", "€1 £2 ¥3 ¢4 §5 ¶6"),
  ("a&nbsp;b&thinsp;c&ensp;d&emsp;e", "a\u{A0}b\u{2009}c\u{2002}d\u{2003}e"),
  ("co&shy;op &zwj;&zwnj;", "co\u{AD}op \u{200D}\u{200C}"),
  (
    "&Eacute;cole &eacute;t&eacute; &Uuml;ber &szlig; &AElig;&aelig; &Oslash;&oslash; &yuml;",
    "École été Über ß Ææ Øø ÿ"
  ),
  ("&Agrave;&Ccedil;&Ntilde;&Ouml; &agrave;&ccedil;&ntilde;&ouml;", "ÀÇÑÖ àçñö"),
  ("&#8217; &#x2019; &#X2019; &#39;", "’ ’ ’ '"),
  ("&#65&#66; x", "AB x"),
  (
    "&#0; &#xD800; &#xDFFF; &#x110000; &#99999999999999;",
    "\u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD}"
  ),
  ("&#150; &#x93;quoted&#x94; &#128;", "– “quoted” €"),
  ("&foo; &Amp; &nbspx &eacute", "&foo; &Amp; &nbspx &eacute"),
  ("AT&T, R&D, Q&A & more &", "AT&T, R&D, Q&A & more &"),
  ("&#; &#x; &# 1 &;", "&#; &#x; &# 1 &;"),
  ("Tom &amp Jerry &copy 2025", "Tom & Jerry © 2025"),
  ("&amp;lt;", "&lt;"),
])
func decodesCharacterReferences(input: String, expected: String) {
  #expect(HTMLText.decodeEntities(input) == expected)
}

// MARK: - Tolerant tokenizing and blocks

@Test(arguments: [
  // Inline tags join, blocks split.
  (
    "<p>Minister <b>Kim</b> met <a href='x'>envoys</a>, <span>too</span>.</p>",
    ["Minister Kim met envoys, too."]
  ),
  ("<div>one<div>two</div>three</div>", ["one", "two", "three"]),
  ("<ul><li>first<li>second</ul><h2>Heading</h2>tail", ["first", "second", "Heading", "tail"]),
  (
    "<dl><dt>Term<dd>Definition</dl><blockquote>Quote</blockquote>",
    ["Term", "Definition", "Quote"]
  ),
  (
    "<figure><img src=a><figcaption>Photo: the minister</figcaption></figure>",
    ["Photo: the minister"]
  ),
  // <br> splits a block into lines; inside headings it is a space.
  ("<p>Line one<br>Line two<BR/>Line three<br><br></p>", ["Line one", "Line two", "Line three"]),
  ("<h2>Two-line<br>heading</h2>", ["Two-line heading"]),
  ("<p>a</br>b</p>", ["a", "b"]),
  // Malformed and unclosed tags.
  ("<p>one<p>two<div>three", ["one", "two", "three"]),
  ("<p><b>bold <i>both</b> italic?</i> end</p>", ["bold both italic? end"]),
  ("<div><span>unclosed span</div><p>next</p>", ["unclosed span", "next"]),
  ("</p>stray end<p>para</span></em>", ["stray end", "para"]),
  ("<table><tr><td>a<td>b<tr><td>c</table>", ["a", "b", "c"]),
  ("<p>text <b", ["text <b"]),
  ("<p>unterminated <a href=\"x>y</a> more</p><p>next</p>", ["unterminated y more", "next"]),
  // Uppercase and mixed-case tags and attributes.
  ("<HTML><BODY><P CLASS=Lead>Upper</P><Div>Mixed</dIV></BODY></HTML>", ["Upper", "Mixed"]),
  // Comments, doctype, processing instructions, CDATA.
  ("<!DOCTYPE html><?xml version=\"1.0\"?><p>a<!-- <p>hidden</p> -->b</p>", ["ab"]),
  ("<p>x<!---->y<!-->z</p>", ["xyz"]),
  ("<p>before</p><!-- unclosed <p>gone</p>", ["before"]),
  ("<p>data: <![CDATA[a < b & c]]></p>", ["data: a < b & c"]),
  // Attribute values containing `>` and quotes.
  ("<div title=\"a > b\" data-x='c > d'>Attr text</div>", ["Attr text"]),
  ("<p class=lead id=x data-y=\"1\" hidden>Unquoted</p>", ["Unquoted"]),
  // Stray `<` in text.
  ("<p>a < b and c<5 and d <= e</p>", ["a < b and c<5 and d <= e"]),
  ("<p>x </ y</p><p>after</p>", ["x", "after"]),
  ("<p>1 <2, 3 > 2, 4<=5 <3</p>", ["1 <2, 3 > 2, 4<=5 <3"]),
  // Whitespace and controls.
  (
    "<p>  spaced\n\t out&nbsp;&nbsp; text  </p><p> \u{1}\u{7} </p><p>&nbsp;</p>",
    ["spaced out text"]
  ),
  ("<p>bell\u{7}ed and&#1;nul</p>", ["belled andnul"]),
  ("<p>co&shy;operation</p>", ["cooperation"]),
  // Preformatted text keeps its lines.
  ("<pre>line 1\n  line 2\n\nline 3</pre>", ["line 1", "line 2", "line 3"]),
  // Raw-text elements.
  ("<p>a</p><script>x = '</p><p>fake'</script><style>.x{}</style><p>b</p>", ["a", "b"]),
  ("<p>a</p><SCRIPT type=x>fake</Script >after", ["a", "after"]),
  ("<p>kept</p><script>never closed <p>fake</p>", ["kept"]),
  ("<p>kept</p><noscript><p>Enable JS</p></noscript><template><p>tpl</p></template>", ["kept"]),
  ("<p>x</p><svg><title>Icon</title><text>svg text</text></svg><math><mi>y</mi></math>", ["x"]),
  ("<p>x</p><iframe src=a>frame</iframe><canvas>c</canvas><object>o</object>", ["x"]),
  ("<p>x</p><select><option>One<option>Two</select><button>Go</button>", ["x"]),
])
func readsBlocksTolerantly(html: String, expected: [String]) {
  #expect(HTMLText.extract(html).paragraphs == expected)
}

// MARK: - Chrome

@Test(arguments: [
  (
    "<nav>n</nav><header>h</header><footer>f</footer><aside>a</aside><form>x</form><p>kept</p>",
    ["kept"]
  ),
  (
    "<div role=navigation>n</div><div role=banner>b</div><div role=contentinfo>c</div>"
      + "<div role=complementary>x</div><p>kept</p>", ["kept"]
  ),
  (
    "<div class=\"main-nav\">n</div><div id=MENU>m</div><div class=breadcrumb>b</div><p>kept</p>",
    ["kept"]
  ),
  (
    "<ul class=\"social-links\"><li>X</li></ul><div id=\"share_buttons\">s</div><p>kept</p>",
    ["kept"]
  ),
  (
    "<div class=\"ad\">ad</div><div class=\"top-ad-slot\">ad</div><div class=\"cookie-notice\">c</div><p>kept</p>",
    ["kept"]
  ),
  (
    "<div class=\"comments\">c</div><div id=\"related_articles\">r</div><div class=newsletter>n</div><p>kept</p>",
    ["kept"]
  ),
  (
    "<div class=\"popup\">p</div><div class=\"modal fade\">m</div><div class=\"subscribe\">s</div><p>kept</p>",
    ["kept"]
  ),
  (
    "<div class=\"site-footer\">f</div><div id=\"page-header\">h</div><div class=\"left-sidebar\">s</div><p>kept</p>",
    ["kept"]
  ),
  (
    "<div class=\"banner\">b</div><div class=\"advert\">a</div><div class=\"shareBar\">s</div><p>kept</p>",
    ["kept"]
  ),
  // Words that merely contain a chrome word are kept.
  (
    "<div class=\"download\">Download</div><div class=\"readme\">Readme</div>",
    ["Download", "Readme"]
  ),
  (
    "<div class=\"shareholders\">Shareholders</div><div class=\"unrelated\">Unrelated</div>"
      + "<div class=\"navigator advance\">Navigator</div>",
    ["Shareholders", "Unrelated", "Navigator"]
  ),
  // A specific content marker keeps an element that also names chrome.
  ("<div class=\"entry-content share-enabled\">Body</div>", ["Body"]),
])
func dropsChrome(html: String, expected: [String]) {
  #expect(HTMLText.extract(html).paragraphs == expected)
}

// MARK: - Article root

@Test(arguments: [
  (
    "<body><p>outside</p><article><p>inside</p></article><article><p>second</p></article></body>",
    ["inside"]
  ),
  ("<body><p>outside</p><main><p>main text</p></main></body>", ["main text"]),
  ("<body><p>outside</p><div role=\"main\"><p>role main</p></div></body>", ["role main"]),
  ("<body><p>outside</p><div id=\"content\"><p>by id</p></div></body>", ["by id"]),
  ("<body><p>outside</p><div class=\"x post-content\"><p>by class</p></div></body>", ["by class"]),
  ("<body><p>outside</p><td class=\"bbs_view\"><p>board</p></td></body>", ["board"]),
  ("<body><p>only body</p></body>", ["only body"]),
  // An <article> inside chrome is not the root while a clean candidate exists.
  (
    "<aside><article><p>teaser</p></article></aside><div class=\"article-body\"><p>real</p></div>",
    ["real"]
  ),
  // The class rule never drops the root itself.
  ("<p>outside</p><article class=\"post tag-social has-header\"><p>kept</p></article>", ["kept"]),
  // A page-wide <form> (ASP.NET) still yields its content root.
  (
    "<body><form id=\"aspnetForm\"><div class=\"menu\">m</div><div id=\"content\"><p>inside form</p></div>"
      + "</form></body>", ["inside form"]
  ),
  // A chrome-named wrapper around everything falls back to element rules only.
  ("<body><div class=\"wrap with-sidebar\"><nav>n</nav><p>wrapped</p></div></body>", ["wrapped"]),
])
func choosesTheArticleRoot(html: String, expected: [String]) {
  #expect(HTMLText.extract(html).paragraphs == expected)
}

// MARK: - Title

@Test(arguments: [
  // The article's <h1> wins, and is not repeated as a paragraph.
  (
    "<h1>Site logo</h1><article><h1>Release  headline</h1><p>Body.</p></article>",
    "Release headline"
  ),
  // An <h1> anywhere, even in chrome.
  ("<header><h1>Header headline</h1></header><p>Body.</p>", "Header headline"),
  ("<h1><img alt=logo></h1><h1>Second &amp; real</h1>", "Second & real"),
  // og:title, entity-decoded.
  (
    "<head><meta property=\"og:title\" content=\"Korea&rsquo;s  plan\"><title>T | S</title></head><p>Body.</p>",
    "Korea’s plan"
  ),
  // <title> with its site suffix removed when three words remain.
  ("<title>Minister meets envoy | Ministry of Foo</title><p>Body.</p>", "Minister meets envoy"),
  (
    "<title>Minister meets envoy - Press Releases - MOFA</title><p>Body.</p>",
    "Minister meets envoy"
  ),
  ("<title>Minister meets envoy :: Ministry</title><p>Body.</p>", "Minister meets envoy"),
  ("<title>Minister meets envoy – Ministry</title><p>Body.</p>", "Minister meets envoy"),
  ("<title>Korea - US talks end | MOFA</title><p>Body.</p>", "Korea - US talks end"),
  ("<title>Press Releases | MOFA</title><p>Body.</p>", "Press Releases | MOFA"),
  ("<title>Trade &amp; Energy News</title><p>Body.</p>", "Trade & Energy News"),
  ("<svg><title>Icon</title></svg><title>Real page title</title><p>Body.</p>", "Real page title"),
  // A <title> segment that is also a leading paragraph is the headline, wherever it sits.
  (
    "<title>MOFA - Press Release - Korea, Japan hold talks</title><b>Korea, Japan hold talks</b>",
    "Korea, Japan hold talks"
  ),
])
func findsTheTitle(html: String, expected: String) {
  #expect(HTMLText.extract(html).title == expected)
}

@Test func html5ArticleWithHeaderAndFooter() {
  let html = """
    <body><h1 class="logo">Ministry of Foreign Affairs</h1>
    <article>
      <header><h1>Joint statement on the <em>Seoul</em> talks</h1>
        <time datetime="2025-11-18">18 Nov</time></header>
      <section><h1>Background</h1><p>The talks began in 2024.</p></section>
      <footer>Tags: diplomacy</footer>
    </article></body>
    """
  #expect(
    HTMLText.extract(html)
      == HTMLDocumentText(
        title: "Joint statement on the Seoul talks",
        published: PartialDate(year: 2025, month: 11, day: 18),
        paragraphs: ["Background", "The talks began in 2024."]))
}

@Test func noTitleSourceGivesNil() {
  #expect(HTMLText.extract("<p>Just a paragraph.</p>").title == nil)
  #expect(HTMLText.extract("<title> \u{1} </title><h1> </h1><p>Body.</p>").title == nil)
}

@Test func paragraphsEqualToTheTitleAreDropped() {
  let html = """
    <title>Minister meets envoy | MOFA</title>
    <div class="subject">Minister   meets envoy</div><p>Body text.</p><p>Minister meets envoy</p>
    """
  let page = HTMLText.extract(html)
  #expect(page.title == "Minister meets envoy")
  #expect(page.paragraphs == ["Body text."])
}

// MARK: - Published date

@Test(arguments: [
  (
    "<meta property=\"article:published_time\" content=\"2025-11-18T09:00:00+09:00\">", "2025-11-18"
  ),
  ("<meta name=\"date\" content=\"2025-01-05\">", "2025-01-05"),
  ("<meta name=\"pubdate\" content=\"2024.02.29\">", "2024-02-29"),
  ("<meta name=\"PublishDate\" content=\"2025/11/18\">", "2025-11-18"),
  ("<meta name=\"DC.date\" content=\"2025-11-18 10:00\">", "2025-11-18"),
  ("<meta name=\"dcterms.date\" content=\"2025. 11. 18.\">", "2025-11-18"),
  ("<meta itemprop=\"datePublished\" content=\"2025-03-01\">", "2025-03-01"),
  ("<p>Posted <time datetime=\"2025-11-18T08:30\">Nov 18</time></p>", "2025-11-18"),
  ("<p><time>2025-10-02</time></p>", "2025-10-02"),
  // The article's <time> before one elsewhere.
  (
    "<aside><time datetime=\"2020-01-01\">x</time></aside><article><time datetime=\"2025-06-30\">y</time></article>",
    "2025-06-30"
  ),
  // Metadata before <time>; an invalid source falls through to the next.
  (
    "<meta name=\"date\" content=\"2025-02-30\"><time datetime=\"2025-04-01\"></time>", "2025-04-01"
  ),
  (
    "<meta property=\"article:published_time\" content=\"soon\"><meta name=\"date\" content=\"2025-05-06\">",
    "2025-05-06"
  ),
])
func findsThePublishedDate(html: String, expected: String) {
  #expect(HTMLText.extract(html + "<p>Body.</p>").published?.description == expected)
}

@Test(arguments: [
  "<meta name=\"date\" content=\"2025-11\">",
  "<meta name=\"date\" content=\"November 18, 2025\">",
  "<meta name=\"date\" content=\"18.11.2025\">",
  "<meta name=\"date\" content=\"2025-13-01\">",
  "<meta name=\"date\" content=\"2025-11-18x\">",
  "<meta name=\"date\" content=\"2025-11/18\">",
  "<meta name=\"modified\" content=\"2025-11-18\">",
  "<time datetime=\"--11-18\">Nov 18</time>",
  "<p>Seoul, 2025-11-18 — text dates are not metadata</p>",
])
func ignoresIncompleteOrUnmarkedDates(html: String) {
  #expect(HTMLText.extract(html).published == nil)
}

// MARK: - Documents without structure

@Test func pageWithoutBodyTag() {
  let html = """
    <html><head><title>Ministry announces budget plan - Ministry of Finance</title>
    <meta name="date" content="2025-09-01"></head>
    <div class="menu"><a>Home</a></div>
    <p>The ministry announced its budget.</p><p>It grows 3&#37;.</p></html>
    """
  #expect(
    HTMLText.extract(html)
      == HTMLDocumentText(
        title: "Ministry announces budget plan",
        published: PartialDate(year: 2025, month: 9, day: 1),
        paragraphs: ["The ministry announced its budget.", "It grows 3%."]))
}

@Test func plainTextWithoutTags() {
  #expect(HTMLText.extract("Just text &amp; more").paragraphs == ["Just text & more"])
}

@Test(arguments: [
  ("", []),
  ("   \n\t ", []),
  ("<!-- only a comment -->", []),
  ("<html><head></head><body></body></html>", []),
  ("<p>\u{0}\u{1}\u{1F}</p>", []),
  ("<", ["<"]),
  ("&", ["&"]),
  ("<<<>>>", ["<<<>>>"]),
])
func nearlyEmptyDocuments(html: String, expected: [String]) {
  let page = HTMLText.extract(html)
  #expect(page.title == nil)
  #expect(page.published == nil)
  #expect(page.paragraphs == expected)
}

@Test func emptyStringGivesEmptyText() {
  #expect(HTMLText.extract("") == HTMLDocumentText(title: nil, published: nil, paragraphs: []))
}

// MARK: - Scale and adversarial input

@Test func largePageIsReadCompletely() {
  var html = "<html><head><title>Big page | Site</title></head><body><nav>"
  for n in 0..<2_000 { html += "<a href=\"/m/\(n)\">Menu \(n)</a>" }
  html += "</nav><article><h1>Big release</h1>"
  for n in 0..<25_000 {
    html +=
      "<p class=\"para\">Paragraph \(n) with <b>bold</b> text &amp; an entity&nbsp;here.</p>\n"
  }
  html += "</article><footer>Footer</footer></body></html>"
  #expect(html.utf8.count > 2_000_000)
  let page = HTMLText.extract(html)
  #expect(page.title == "Big release")
  #expect(page.paragraphs.count == 25_000)
  #expect(page.paragraphs.first == "Paragraph 0 with bold text & an entity here.")
  #expect(page.paragraphs.last == "Paragraph 24999 with bold text & an entity here.")
}

@Test func deepNestingDoesNotOverflow() {
  let depth = 100_000
  let html =
    String(repeating: "<div><span>", count: depth) + "deep text"
    + String(repeating: "</span></div>", count: depth) + "<p>after</p>"
  #expect(HTMLText.extract(html).paragraphs == ["deep text", "after"])
}

@Test(arguments: [
  String(repeating: "<a title=\"", count: 50_000),
  String(repeating: "<a title='x>", count: 50_000) + "<p>end</p>",
  String(repeating: "<!", count: 50_000),
  String(repeating: "</", count: 50_000),
  String(repeating: "<script>", count: 50_000),
  String(repeating: "<title>", count: 50_000),
  String(repeating: "&#x", count: 50_000),
  String(repeating: "<p x=\"a\" ", count: 50_000) + ">",
])
func adversarialInputFinishes(html: String) {
  // Any result will do; the input must neither crash nor hang.
  let page = HTMLText.extract(html)
  #expect(page.paragraphs.count < 100_000)
}
