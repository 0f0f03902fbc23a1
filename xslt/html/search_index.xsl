<?xml version="1.0" encoding="UTF-8"?>
<!--
  The search index of the web edition, from the same tt:corpus of summaries as site.xsl: a
  JSON object of documents, persons and turns, written as one JavaScript statement so that the
  search page can load it from file:// too (browsers refuse to fetch JSON there). The turns
  come last: the array holds the string "tt:turns N" for the turns of the document whose
  summary is numbered N, in the order the documents go.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-transcripts"
    xmlns:j="http://www.w3.org/2005/xpath-functions"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="../common/corpus.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:variable name="index">
      <j:map>
        <j:array key="docs">
          <xsl:for-each select="$summaries">
            <j:map>
              <j:string key="page"><xsl:value-of select="@page"/></j:string>
              <j:string key="title"><xsl:value-of select="@title"/></j:string>
              <j:string key="date"><xsl:value-of select="@date"/></j:string>
            </j:map>
          </xsl:for-each>
        </j:array>
        <j:array key="persons">
          <xsl:for-each select="$persons-in-corpus[exists(key('tt:speaks', ., $summary-tree))]">
            <j:array>
              <j:string><xsl:value-of select="."/></j:string>
              <j:string><xsl:value-of select="tt:display-name(.)"/></j:string>
            </j:array>
          </xsl:for-each>
        </j:array>
        <!-- Each turn is [document number, turn id, speaker keys, text]; a marker stands for
             each document's turns, which site_part.xsl made. -->
        <j:array key="turns">
          <xsl:for-each select="$summaries">
            <j:string><xsl:value-of select="'tt:turns', @n"/></j:string>
          </xsl:for-each>
        </j:array>
      </j:map>
    </xsl:variable>
    <xsl:text>window.teiSearchIndex = </xsl:text>
    <xsl:value-of select="xml-to-json($index)"/>
    <xsl:text>;&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
