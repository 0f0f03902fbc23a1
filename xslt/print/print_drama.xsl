<?xml version="1.0" encoding="UTF-8"?>
<!-- Speech turns: #turn(side: …, speaker: …, who: (keys of the speakers, for the index),
     pages: [marks of the original's pages the label opens with])[speech]. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-transcripts"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:sp">
    <xsl:variable name="sp" select="."/>
    <xsl:variable name="speakers" select="tt:who(.) ! tt:local-person(., $sp)"/>
    <!-- a page mark the label opens with ("[l. 11] Mao:"): upright, before the label -->
    <xsl:variable name="pages" select="tei:speaker ! tt:leading-page-marks(.)"/>
    <xsl:value-of select="$tt:parbreak"/>
    <xsl:text>#turn(side: </xsl:text>
    <xsl:value-of select="tt:str(if (exists($speakers)) then tt:side($speakers[1]) else 'unknown')"/>
    <xsl:choose>
      <xsl:when test="tei:speaker">
        <xsl:text>, speaker: [</xsl:text>
        <xsl:apply-templates select="tei:speaker/node() except $pages"/>
        <xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:when test="exists($speakers)">
        <!-- Reported speech: the text names no speaker; the margin says whose turn it is. -->
        <xsl:text>, implied: true, speaker: </xsl:text>
        <xsl:value-of select="tt:str(string-join($speakers ! tt:person-name(.), ', '))"/>
      </xsl:when>
    </xsl:choose>
    <xsl:text>, who: (</xsl:text>
    <xsl:for-each select="tt:who(.) ! tt:person-key(., $sp)[.]">
      <xsl:value-of select="tt:str(.)"/>
      <xsl:text>,</xsl:text>
    </xsl:for-each>
    <xsl:text>)</xsl:text>
    <xsl:if test="$pages">
      <xsl:text>, pages: [</xsl:text>
      <xsl:for-each select="$pages">
        <xsl:if test="position() > 1"><xsl:text> </xsl:text></xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
      <xsl:text>]</xsl:text>
    </xsl:if>
    <xsl:text>)[</xsl:text>
    <xsl:apply-templates select="node() except tei:speaker"/>
    <xsl:text>]</xsl:text>
    <xsl:value-of select="$tt:parbreak"/>
  </xsl:template>

  <xsl:template match="text()[tt:after-page-marks(.) or tt:before-label-marker(.)]">
    <xsl:value-of select="tt:text(tt:label-words(.))"/>
  </xsl:template>

</xsl:stylesheet>
