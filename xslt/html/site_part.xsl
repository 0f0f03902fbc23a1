<?xml version="1.0" encoding="UTF-8"?>
<!--
  One document's part of the pages that list every document, made with its own page: its
  summary (common/corpus.xsl) and, ready to be put in place, its row of the index, its entry
  under each person on the persons page, and its turns for the search index. site.xsl and
  search_index.xsl make those pages from the summaries alone and leave a marker where each
  part goes (render/site.py puts them there), so that one changed document does not remake
  every document's share of them.

  Output: <tt:part> holding tt:summary, tt:row, one tt:appearance per tt:summary/tt:appears
  (in that order) and tt:turns (a line per turn): the HTML and the JSON as text, serialized
  as the pages serialize them.
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
  <xsl:include href="html_param.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- The stem of the document's output files. -->
  <xsl:param name="name" as="xs:string" select="'document'"/>

  <xsl:variable name="html" as="map(*)" select="map {'method': 'html', 'html-version': 5.0, 'indent': false()}"/>

  <xsl:template match="/">
    <xsl:variable name="tei" select="*"/>
    <xsl:variable name="summary" select="tt:summary($tei, $name, $page-file)"/>
    <xsl:variable name="title" select="(tt:title($tei)[.], $page-file)[1]"/>
    <tt:part>
      <xsl:sequence select="$summary"/>
      <tt:row><xsl:value-of select="serialize(tt:row($tei, $title), $html)"/></tt:row>
      <xsl:for-each select="$summary/tt:appears/@key">
        <tt:appearance><xsl:value-of select="serialize(tt:appearance(string(.), $tei, $title), $html)"/></tt:appearance>
      </xsl:for-each>
      <!-- The turns, one a line (a line break in a turn's text is written \n in JSON). -->
      <tt:turns><xsl:value-of select="$tei/tei:text//tei:sp ! tt:turn-json(.)" separator="&#10;"/></tt:turns>
    </tt:part>
  </xsl:template>

  <!-- A turn for the search index: [turn id, speaker keys, text]; the index puts the
       document's number in front. -->
  <xsl:function name="tt:turn-json" as="xs:string">
    <xsl:param name="sp" as="element()"/>
    <xsl:variable name="turn">
      <j:array>
        <j:string><xsl:value-of select="tt:turn-id($sp)"/></j:string>
        <j:string><xsl:value-of select="string-join(tt:speaker-keys($sp), ' ')"/></j:string>
        <j:string><xsl:value-of select="normalize-space($sp)"/></j:string>
      </j:array>
    </xsl:variable>
    <xsl:sequence select="xml-to-json($turn)"/>
  </xsl:function>

  <!-- The document's row of the index of records. (Elements in no namespace: serialized
       alone, they take no namespace declaration, and inside the page they are HTML.) -->
  <xsl:function name="tt:row" as="element()">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:variable name="people" select="tt:participants($tei)"/>
    <xsl:variable name="principals" select="$people[tokenize(@role, ' ') = 'principal']"/>
    <xsl:variable name="turns" select="count($tei/tei:text//tei:sp)"/>
    <tr>
      <td data-value="{tt:iso-date($tei)}"><xsl:value-of select="tt:date-label($tei)"/></td>
      <td><a href="{$page-file}"><xsl:value-of select="$title"/></a></td>
      <td><xsl:value-of select="(if (exists($principals)) then $principals else $people) ! tt:person-name(.)" separator=", "/></td>
      <td data-value="{$turns}"><xsl:value-of select="$turns"/></td>
    </tr>
  </xsl:function>

  <!-- A person's turns and the participants who are the person, in document order. -->
  <xsl:key name="tt:turns-of" match="tei:text//tei:sp[@who]" use="tt:speaker-keys(.)"/>
  <xsl:key name="tt:participant" match="tei:particDesc//tei:person[@xml:id] | tei:particDesc//tei:personGrp[@xml:id]"
      use="tt:person-key('#' || @xml:id, .)"/>

  <!-- Where a person is in the document, under their entry on the persons page: as a
       participant (with their roles), a speaker (a link to each turn), a name. -->
  <xsl:function name="tt:appearance" as="element()">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:variable name="own" select="key('tt:turns-of', $key, $tei)"/>
    <xsl:variable name="roles" select="key('tt:participant', $key, $tei)/@role ! tokenize(., ' ')"/>
    <xsl:variable name="in" select="' in ' || tt:title($tei)"/>
    <li>
      <a href="{$page-file}"><xsl:value-of select="$title"/></a>
      <xsl:if test="exists($roles)"> (<xsl:value-of select="distinct-values($roles)" separator=", "/>)</xsl:if>
      <xsl:text> — </xsl:text>
      <xsl:value-of select="count($own)"/> turn<xsl:if test="count($own) ne 1">s</xsl:if>
      <xsl:if test="exists($own)">
        <xsl:text>: </xsl:text>
        <xsl:for-each select="$own">
          <a class="turn-link" href="{$page-file}#{tt:turn-id(.)}" aria-label="turn {position()}{$in}"><xsl:value-of select="position()"/></a>
          <xsl:if test="position() ne last()"><xsl:text> </xsl:text></xsl:if>
        </xsl:for-each>
      </xsl:if>
    </li>
  </xsl:function>

</xsl:stylesheet>
