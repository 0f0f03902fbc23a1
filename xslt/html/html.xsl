<?xml version="1.0" encoding="UTF-8"?>
<!-- The web edition's document page: one TEI document in, one HTML page out. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-transcripts"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="html_param.xsl"/>
  <xsl:include href="html_page.xsl"/>
  <xsl:include href="html_header.xsl"/>
  <xsl:include href="html_core.xsl"/>
  <xsl:include href="html_drama.xsl"/>

  <xsl:template match="/">
    <xsl:apply-templates select="(tei:TEI, tei:teiCorpus/tei:TEI)[1]" mode="tt:page"/>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="tt:page">
    <xsl:call-template name="tt:page">
      <xsl:with-param name="title" select="(tt:title(.)[.], 'Untitled document')[1]"/>
      <xsl:with-param name="current" select="'document'"/>
      <xsl:with-param name="content">
        <article class="record" lang="{(tei:text/@xml:lang, @xml:lang, 'en')[1]}">
          <h1><xsl:value-of select="(tt:title(.)[.], 'Untitled document')[1]"/></h1>
          <xsl:apply-templates select="tei:teiHeader" mode="tt:panel"/>
          <div class="controls">
            <label><input type="checkbox" id="show-insertions" checked=""/> Show editorial insertions in brackets</label>
          </div>
          <xsl:apply-templates select="tei:text">
            <xsl:with-param name="footnotes" select="tt:footnotes(tei:text)" tunnel="yes"/>
          </xsl:apply-templates>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:text">
    <section class="text" aria-labelledby="text-heading">
      <h2 id="text-heading">Record</h2>
      <xsl:apply-templates/>
      <xsl:call-template name="tt:footnote-list"/>
    </section>
  </xsl:template>

</xsl:stylesheet>
