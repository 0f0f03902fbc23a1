<?xml version="1.0" encoding="UTF-8"?>
<!-- The text of a document: divisions, paragraphs, names, dates, notes, insertions, and the
     fallback that shows the text of any element this file does not know. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-transcripts"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- Elements that make blocks of their own in HTML; anything else is inline. -->
  <xsl:variable name="tt:blocks" as="xs:string*" select="('p', 'ab', 'div', 'sp', 'lg', 'list',
      'table', 'head', 'closer', 'opener', 'titlePage', 'docTitle', 'argument', 'byline', 'epigraph',
      'floatingText', 'front', 'body', 'back', 'group', 'text', 'listBibl', 'castList', 'stage',
      'figure', 'quote', 'cit', 'signed', 'salute', 'dateline', 'docImprint', 'docAuthor', 'docDate',
      'titlePart', 'trailer', 'label', 'l', 'item', 'row', 'cell', 'listPerson', 'person')"/>

  <!-- Blocks that hold only phrases in HTML (a p, a heading): nothing inside them is a block. -->
  <xsl:variable name="tt:phrase-blocks" as="xs:string*" select="('p', 'ab', 'head', 'l', 'label',
      'speaker', 'signed', 'salute', 'dateline', 'docDate', 'docAuthor', 'docImprint', 'titlePart',
      'byline', 'trailer', 'stage')"/>

  <xsl:function name="tt:is-block" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="local-name($element) = $tt:blocks
        and not($element/ancestor::*[not(local-name() = $tt:blocks) or local-name() = $tt:phrase-blocks]
                                    [ancestor-or-self::tei:text])"/>
  </xsl:function>

  <xsl:function name="tt:heading-level" as="xs:integer">
    <xsl:param name="head" as="element()"/>
    <xsl:sequence select="min((2 + count($head/ancestor::tei:div), $max-heading))"/>
  </xsl:function>

  <!-- Divisions and blocks -->

  <xsl:template match="tei:front | tei:body | tei:back">
    <section class="{local-name()}">
      <xsl:if test="self::tei:front or self::tei:back">
        <xsl:attribute name="aria-label" select="if (self::tei:front) then 'Front matter' else 'Back matter'"/>
      </xsl:if>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <xsl:template match="tei:div">
    <section class="div div-{(@type, 'plain')[1]}">
      <xsl:copy-of select="tt:anchor(.)"/>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <!-- The notes division is shown as the list of footnotes at the foot of the page. -->
  <xsl:template match="tei:div[@type = 'notes']"/>

  <xsl:template match="tei:head">
    <xsl:element name="h{tt:heading-level(.)}">
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab">
    <xsl:element name="{if (tt:is-block(.)) then 'p' else 'span'}">
      <xsl:variable name="narrative" select="exists(ancestor::tei:body) and empty(ancestor::tei:sp | ancestor::tei:note)"/>
      <xsl:attribute name="class" select="string-join((local-name()[. ne 'p'], 'narrative'[$narrative]), ' ')"/>
      <xsl:copy-of select="tt:anchor(.)"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:list[not(tt:is-block(.))]">
    <span class="list"><xsl:apply-templates mode="tt:inline"/></span>
  </xsl:template>

  <!-- a numbered list is an ol, unless its items print their numbers themselves ("1. …",
       kept in the text and in @n): then a list without marks, not the numbers twice -->
  <xsl:template match="tei:list">
    <xsl:element name="{if ((@type = 'ordered' or @rend = 'numbered') and empty(tei:item/@n)) then 'ol' else 'ul'}">
      <xsl:attribute name="class" select="'list list-' || (@type, 'plain')[1]"/>
      <xsl:apply-templates select="tei:item | tei:head"/>
    </xsl:element>
    <xsl:apply-templates select="node() except (tei:item | tei:head)"/>
  </xsl:template>

  <xsl:template match="tei:list/tei:head">
    <li class="list-head"><xsl:apply-templates/></li>
  </xsl:template>

  <xsl:template match="tei:item">
    <li><xsl:apply-templates/></li>
  </xsl:template>

  <xsl:template match="tei:lb">
    <br/>
  </xsl:template>

  <!-- a hyphen the end of a line put into a word: the reading text joins the word -->
  <xsl:template match="tei:lb[@break = 'no'][@rend = 'hyphen']"/>

  <xsl:template match="tei:pb">
    <span class="pb insertion" title="{if (@type = 'leaf') then 'a leaf of the archival file begins' else 'a page of the original begins'}"><xsl:value-of select="tt:page-mark(.)"/></span>
  </xsl:template>

  <!-- Phrases -->

  <xsl:template match="tei:hi">
    <xsl:variable name="rend" select="tokenize(normalize-space(@rend), ' ')"/>
    <xsl:element name="{if ($rend = ('bold', 'b', 'strong')) then 'strong'
                         else if ($rend = ('superscript', 'sup')) then 'sup'
                         else if ($rend = ('subscript', 'sub')) then 'sub'
                         else 'em'}">
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- A stage direction: set apart in italics, a paragraph of its own only between turns. -->
  <xsl:template match="tei:stage">
    <xsl:element name="{if (tt:is-block(.)) then 'p' else 'span'}">
      <xsl:attribute name="class" select="'stage'"/>
      <xsl:copy-of select="tt:anchor(.)"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:persName | tei:name[@ref]">
    <xsl:variable name="key" select="tt:person-key(string(@ref), .)"/>
    <xsl:choose>
      <xsl:when test="$key"><a class="person" href="{$persons-page}#{$key}"><xsl:apply-templates/></a></xsl:when>
      <xsl:otherwise><span class="person"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A date shows its ISO value on hover; a span of days or hours, its first and last. -->
  <xsl:template match="tei:date | tei:time">
    <xsl:variable name="iso" select="string((@when, @notBefore, @from)[1])"/>
    <xsl:variable name="shown" select="if (@from and @to and not(@when)) then @from || ' – ' || @to else $iso"/>
    <xsl:choose>
      <xsl:when test="$iso">
        <time title="{$shown}{' (inferred)'[current()/@evidence = 'internal']}">
          <xsl:if test="$iso castable as xs:date or $iso castable as xs:gYear or $iso castable as xs:gYearMonth or $iso castable as xs:time">
            <xsl:attribute name="datetime" select="$iso"/>
          </xsl:if>
          <xsl:apply-templates/>
        </time>
      </xsl:when>
      <xsl:otherwise><span class="date"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:ref">
    <xsl:variable name="href" select="if (@target) then tt:safe-href(@target) else ()"/>
    <xsl:choose>
      <xsl:when test="exists($href)"><a href="{$href}"><xsl:apply-templates/></a></xsl:when>
      <xsl:otherwise><span class="ref"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:quote | tei:q">
    <xsl:element name="{if (tt:is-block(.) and tei:p) then 'blockquote' else 'q'}">
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Words the copy does not give: shown whether or not insertions are, since the reading
       text has a hole there. -->
  <xsl:template match="tei:gap">
    <span class="gap" title="{tt:gap-title(.)}"><xsl:value-of select="tt:insertion-marks(.)[1], tt:gap-words(.), tt:insertion-marks(.)[2]" separator=""/></span>
  </xsl:template>

  <!-- Editorial insertions: in brackets, hidden by the page's switch. -->
  <xsl:template match="tei:*[tt:is-insertion(.)]">
    <span class="insertion insertion-{(@type, @reason, local-name())[1]}"
        title="{if (self::tei:supplied) then 'supplied by the editor' else 'editorial note: ' || (@type, 'note')[1]}"><xsl:value-of select="tt:insertion-marks(.)[1]"/><xsl:apply-templates/><xsl:value-of select="tt:insertion-marks(.)[2]"/></span>
  </xsl:template>

  <!-- Footnotes: a marker where the note stands or is referred to; the note itself in a popover
       and in the list at the foot of the page. -->
  <xsl:template match="tei:note[tt:is-footnote(.)][tt:is-marked-elsewhere(.)]" priority="2"/>

  <xsl:template match="tei:note[tt:is-footnote(.)]">
    <xsl:param name="footnotes" as="element()*" tunnel="yes"/>
    <xsl:call-template name="tt:note-marker">
      <xsl:with-param name="note" select="."/>
      <xsl:with-param name="label" select="tt:footnote-label(., $footnotes)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:ref[exists(tt:referenced-note(.)[tt:is-footnote(.)])]" priority="2">
    <xsl:call-template name="tt:note-marker">
      <xsl:with-param name="note" select="tt:referenced-note(.)"/>
      <xsl:with-param name="label" select="string(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="tt:note-marker">
    <xsl:param name="note" as="element()"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:variable name="id" select="tt:footnote-id($note)"/>
    <xsl:variable name="marker" select="'ref-' || $id || '-' || tt:ordinal(.)"/>
    <sup class="note-ref">
      <button type="button" id="{$marker}" class="note-marker" popovertarget="pop-{$marker}"
          aria-label="Note {$label}" data-note="{$id}"><xsl:value-of select="$label"/></button>
    </sup>
    <span class="note-popover" id="pop-{$marker}" popover="" role="note">
      <span class="note-label"><xsl:value-of select="$label"/></span>
      <xsl:text> </xsl:text>
      <xsl:apply-templates select="$note/node()" mode="tt:inline"/>
      <xsl:text> </xsl:text>
      <a class="note-jump" href="#{$id}">Go to note</a>
    </span>
  </xsl:template>

  <!-- The list of footnotes at the foot of the page, each with a link back to its first marker. -->
  <xsl:template name="tt:footnote-list">
    <xsl:param name="footnotes" as="element()*" tunnel="yes"/>
    <xsl:param name="suffix" as="xs:string?" tunnel="yes"/>
    <xsl:variable name="notes-div" select="(.//tei:div[@type = 'notes'])[1]"/>
    <xsl:if test="exists($footnotes) or exists($notes-div)">
      <section class="footnotes" aria-labelledby="notes-heading{$suffix}">
        <h2 id="notes-heading{$suffix}">
          <xsl:apply-templates select="$notes-div/tei:head/node()"/>
          <xsl:if test="not($notes-div/tei:head)">Notes</xsl:if>
        </h2>
        <xsl:apply-templates select="$notes-div/(node() except (tei:head | tei:note))"/>
        <ol class="notes">
          <xsl:for-each select="$footnotes">
            <xsl:variable name="id" select="tt:footnote-id(.)"/>
            <li id="{$id}">
              <span class="note-label"><xsl:value-of select="tt:footnote-label(., $footnotes)"/></span>
              <xsl:text> </xsl:text>
              <div class="note-body"><xsl:apply-templates/></div>
              <xsl:variable name="first-marker" select="(tt:refs-to(string(@xml:id), .)[tt:referenced-note(.) is current()],
                  .[not(tt:is-detached-note(.))])[1]"/>
              <xsl:if test="$first-marker">
                <a class="back-link" href="#ref-{$id}-{tt:ordinal($first-marker)}" aria-label="Back to the text">↩</a>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Inside a popover everything is inline. -->
  <xsl:template match="tei:p | tei:ab | tei:head | tei:item | tei:l" mode="tt:inline">
    <span class="{local-name()}"><xsl:apply-templates mode="tt:inline"/></span>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="*" mode="tt:inline">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <!-- The fallback: an element this edition does not know shows its text, as a block or inline. -->
  <xsl:template match="tei:*">
    <xsl:element name="{if (tt:is-block(.)) then 'div' else 'span'}">
      <xsl:attribute name="class" select="'tei-' || local-name()"/>
      <xsl:copy-of select="tt:anchor(.)"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Text in other namespaces is shown too; nothing is dropped. -->
  <xsl:template match="*">
    <span class="foreign-element"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="processing-instruction() | comment()"/>

  <xsl:function name="tt:anchor" as="attribute()?">
    <xsl:param name="element" as="element()"/>
    <xsl:if test="$element/@xml:id">
      <xsl:attribute name="id" select="$element/@xml:id"/>
    </xsl:if>
  </xsl:function>

</xsl:stylesheet>
