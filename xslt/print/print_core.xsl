<?xml version="1.0" encoding="UTF-8"?>
<!--
  The text of a document as Typst markup. Every TEI text node becomes a Typst string literal
  (#"…";), the only place TEI text ever goes: inside it nothing is markup or code, so the PDF
  shows exactly the characters of the TEI. Elements become calls of the functions in
  edition.typ; an element this file does not know shows its text.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-transcripts"
    exclude-result-prefixes="#all">

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- A Typst string literal: only \ and " are special inside one; whitespace is collapsed as
       a browser would. -->
  <xsl:function name="tt:str" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="'&quot;' || replace(replace(replace($text, '\s+', ' '), '\\', '\\\\'), '&quot;', '\\&quot;') || '&quot;'"/>
  </xsl:function>

  <!-- The same, in markup. -->
  <xsl:function name="tt:text" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="'#' || tt:str($text) || ';'"/>
  </xsl:function>

  <!-- Elements that stand as paragraphs of their own. -->
  <xsl:variable name="tt:print-blocks" as="xs:string*" select="('p', 'ab', 'div', 'head', 'lg', 'l',
      'list', 'item', 'table', 'row', 'closer', 'opener', 'signed', 'salute', 'dateline', 'titlePage',
      'docTitle', 'titlePart', 'docAuthor', 'docDate', 'docImprint', 'byline', 'argument', 'epigraph',
      'trailer', 'stage', 'label', 'figure', 'castList', 'listBibl', 'bibl', 'listPerson', 'person',
      'front', 'body', 'back', 'floatingText')"/>

  <xsl:variable name="tt:parbreak" select="'&#10;&#10;'"/>

  <xsl:template match="text()">
    <xsl:choose>
      <xsl:when test="normalize-space(.)"><xsl:value-of select="tt:text(.)"/></xsl:when>
      <!-- Space between words and elements is kept, also a space alone between two elements
           ("<hi>Date:</hi> <date>…"); indentation between blocks is not. -->
      <xsl:when test="(../text()[normalize-space(.)] or not(contains(., '&#10;'))) and not(local-name(..) = $tt:print-blocks and (preceding-sibling::node()[1], following-sibling::node()[1])/local-name() = $tt:print-blocks)">
        <xsl:text> </xsl:text>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:div">
    <xsl:value-of select="$tt:parbreak"/>
    <xsl:apply-templates/>
    <xsl:value-of select="$tt:parbreak"/>
  </xsl:template>

  <!-- The notes division: its notes are footnotes where they are referred to. -->
  <xsl:template match="tei:div[@type = 'notes']">
    <xsl:apply-templates select="node() except (tei:note, tei:head)"/>
  </xsl:template>

  <xsl:template match="tei:head">
    <xsl:value-of select="$tt:parbreak"/>
    <xsl:text>#heading(level: </xsl:text>
    <xsl:value-of select="max((2, min((1 + count(ancestor::tei:div), $max-heading))))"/>
    <xsl:text>, outlined: false)[</xsl:text>
    <xsl:apply-templates/>
    <xsl:text>]</xsl:text>
    <xsl:value-of select="$tt:parbreak"/>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab">
    <xsl:value-of select="$tt:parbreak"/>
    <xsl:choose>
      <xsl:when test="ancestor::tei:body and empty(ancestor::tei:sp | ancestor::tei:note)">
        <xsl:text>#narrative[</xsl:text>
        <xsl:apply-templates/>
        <xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="$tt:parbreak"/>
  </xsl:template>

  <xsl:template match="tei:list">
    <xsl:value-of select="$tt:parbreak"/>
    <xsl:apply-templates select="tei:head"/>
    <!-- items that print their own numbers ("1. …") take no bullet -->
    <xsl:text>#list(</xsl:text>
    <xsl:if test="tei:item/@n">marker: [], </xsl:if>
    <xsl:for-each select="tei:item">
      <xsl:text>[</xsl:text>
      <xsl:apply-templates/>
      <xsl:text>], </xsl:text>
    </xsl:for-each>
    <xsl:text>)</xsl:text>
    <xsl:apply-templates select="node() except (tei:item | tei:head)"/>
    <xsl:value-of select="$tt:parbreak"/>
  </xsl:template>

  <xsl:template match="tei:lb">
    <xsl:text>#linebreak();</xsl:text>
  </xsl:template>

  <!-- a hyphen the end of a line put into a word: the reading text joins the word -->
  <xsl:template match="tei:lb[@break = 'no'][@rend = 'hyphen']"/>

  <!-- where a page of the original begins, "[l. 12]": set small, in the insertions' colour -->
  <xsl:template match="tei:pb">
    <xsl:value-of select="'#pagemark(' || tt:str(tt:page-mark(.)) || ');'"/>
  </xsl:template>

  <xsl:template match="tei:hi">
    <xsl:variable name="rend" select="tokenize(normalize-space(@rend), ' ')"/>
    <xsl:text>#</xsl:text>
    <xsl:value-of select="if ($rend = ('bold', 'b', 'strong')) then 'strong'
                          else if ($rend = ('superscript', 'sup')) then 'super'
                          else if ($rend = ('subscript', 'sub')) then 'sub'
                          else if ($rend = ('smallcaps', 'small-caps')) then 'smallcaps'
                          else 'emph'"/>
    <xsl:text>[</xsl:text>
    <xsl:apply-templates/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- Italics inside a stage direction, which is in italics already: Typst's emph would
       turn them upright again. -->
  <xsl:template match="tei:stage//tei:hi[tokenize(normalize-space(@rend), ' ') = ('italic', 'i', 'em')]">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- A stage direction: in italics; a paragraph of its own only outside a paragraph. -->
  <xsl:template match="tei:stage">
    <xsl:variable name="block" select="not(ancestor::*[local-name() = ('p', 'ab', 'l', 'head', 'speaker', 'item', 'label', 'signed')])"/>
    <xsl:if test="$block"><xsl:value-of select="$tt:parbreak"/></xsl:if>
    <xsl:text>#emph[</xsl:text>
    <xsl:apply-templates/>
    <xsl:text>]</xsl:text>
    <xsl:if test="$block"><xsl:value-of select="$tt:parbreak"/></xsl:if>
  </xsl:template>

  <!-- A name: its text, and a mark for the index of persons. -->
  <xsl:template match="tei:persName[@ref] | tei:name[@ref]">
    <xsl:variable name="key" select="tt:person-key(string(@ref), .)"/>
    <xsl:if test="$key">#mention(<xsl:value-of select="tt:str($key)"/>);</xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

  <!-- A link the source printed: its words, linked in the PDF to a web or mail address. -->
  <xsl:template match="tei:ref[@type = 'link'][matches(@target, '^(https?://|mailto:)\S+$')]">
    <xsl:text>#link(</xsl:text>
    <xsl:value-of select="tt:str(@target)"/>
    <xsl:text>)[</xsl:text>
    <xsl:apply-templates/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:gap">
    <xsl:text>#insertion</xsl:text>
    <xsl:if test="@rend = 'parentheses'">(parentheses: true)</xsl:if>
    <xsl:value-of select="'[' || tt:text(tt:gap-words(.)) || ']'"/>
  </xsl:template>

  <xsl:template match="tei:*[tt:is-insertion(.)]">
    <xsl:text>#insertion</xsl:text>
    <xsl:if test="@rend = 'parentheses'">(parentheses: true)</xsl:if>
    <xsl:text>[</xsl:text>
    <xsl:apply-templates/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- Footnotes: at the foot of the page of their marker. A note referred to more than once is
       printed once; the later markers point to it. -->
  <xsl:template match="tei:note[tt:is-footnote(.)][tt:is-marked-elsewhere(.)]" priority="2"/>

  <xsl:template match="tei:note[tt:is-footnote(.)]">
    <xsl:param name="footnotes" as="element()*" tunnel="yes"/>
    <xsl:call-template name="tt:footnote">
      <xsl:with-param name="note" select="."/>
      <xsl:with-param name="label" select="tt:footnote-label(., $footnotes)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:ref[exists(tt:referenced-note(.)[tt:is-footnote(.)])]" priority="2">
    <xsl:variable name="note" select="tt:referenced-note(.)"/>
    <xsl:variable name="earlier" select="tt:refs-to(string($note/@xml:id), .)[. &lt;&lt; current()]"/>
    <xsl:choose>
      <xsl:when test="exists($earlier)">
        <xsl:text>#footnote(&lt;</xsl:text>
        <xsl:value-of select="tt:note-label($note)"/>
        <xsl:text>&gt;);</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tt:footnote">
          <xsl:with-param name="note" select="$note"/>
          <xsl:with-param name="label" select="string(.)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="tt:footnote">
    <xsl:param name="note" as="element()"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:text>#note(label: </xsl:text>
    <xsl:value-of select="tt:str(normalize-space($label))"/>
    <xsl:text>)[</xsl:text>
    <xsl:apply-templates select="$note/node()"/>
    <xsl:text>]&lt;</xsl:text>
    <xsl:value-of select="tt:note-label($note)"/>
    <xsl:text>&gt;</xsl:text>
  </xsl:template>

  <!-- A Typst label for a note, unique in a whole volume. -->
  <xsl:function name="tt:note-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="'note-' || tt:ordinal($note)"/>
  </xsl:function>

  <!-- Detached notes nothing points to, printed after the record. -->
  <xsl:template name="tt:unreferenced-notes">
    <xsl:param name="footnotes" as="element()*" tunnel="yes"/>
    <xsl:variable name="lonely" select="$footnotes[tt:is-detached-note(.)]
        [empty(tt:refs-to(string(@xml:id), .))]"/>
    <xsl:if test="exists($lonely)">
      <xsl:value-of select="$tt:parbreak"/>
      <xsl:text>#heading(level: 2, outlined: false)[</xsl:text>
      <xsl:variable name="head" select="($lonely[1]/parent::tei:div/tei:head)[1]"/>
      <xsl:apply-templates select="$head/node()"/>
      <xsl:if test="not($head)">Notes</xsl:if>
      <xsl:text>]</xsl:text>
      <xsl:for-each select="$lonely">
        <xsl:value-of select="$tt:parbreak"/>
        <xsl:text>#strong[</xsl:text>
        <xsl:value-of select="tt:text(tt:footnote-label(., $footnotes))"/>
        <xsl:text>] </xsl:text>
        <xsl:apply-templates/>
      </xsl:for-each>
      <xsl:value-of select="$tt:parbreak"/>
    </xsl:if>
  </xsl:template>

  <!-- The fallback: an element not named above shows its text; a block stands apart. -->
  <xsl:template match="*">
    <xsl:variable name="block" select="local-name() = $tt:print-blocks"/>
    <xsl:if test="$block"><xsl:value-of select="$tt:parbreak"/></xsl:if>
    <xsl:apply-templates/>
    <xsl:if test="$block"><xsl:value-of select="$tt:parbreak"/></xsl:if>
  </xsl:template>

  <xsl:template match="processing-instruction() | comment()"/>

</xsl:stylesheet>
